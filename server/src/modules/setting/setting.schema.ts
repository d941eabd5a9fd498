// System settings (系统设置): read by staff and analysts, changed by the office.
import { builder } from '../../builder.ts';
import * as settings from './setting.service.ts';

const SettingKey = builder.enumType('SettingKey', {
  description: '系统设置项 / A known setting',
  values: Object.fromEntries(
    settings.SETTING_KEYS.map((k) => [k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), { value: k, description: settings.SETTINGS[k].description }]),
  ) as Record<string, { value: settings.SettingKey; description: string }>,
});

const Setting = builder.objectRef<settings.SettingRow>('Setting').implement({
  description: '系统设置 / A setting with its current and default value',
  fields: (t) => ({
    key: t.field({ type: SettingKey, resolve: (s) => s.key }),
    value: t.field({ type: 'JSON', resolve: (s) => s.value }),
    defaultValue: t.field({ type: 'JSON', resolve: (s) => s.defaultValue }),
    description: t.exposeString('description'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    updatedBy: t.exposeID('updatedBy', { nullable: true }),
  }),
});

builder.queryField('settings', (t) =>
  t.field({
    type: [Setting],
    description: '系统设置（含默认值）/ All settings with current and default values',
    authScopes: { reader: true },
    resolve: () => settings.listSettings(),
  }),
);

builder.mutationField('updateSetting', (t) =>
  t.field({
    type: Setting,
    description: '修改系统设置（联席会议办公室）/ Change a setting (office only)',
    authScopes: { office: true },
    args: { key: t.arg({ type: SettingKey, required: true }), value: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, args, ctx) => settings.updateSetting(ctx, args.key, args.value),
  }),
);
