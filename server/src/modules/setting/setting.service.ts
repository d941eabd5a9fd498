// System settings (系统设置): a small registry of known keys, each with a default, a validator and a description.
// Values live in the `setting` table as JSON; an unset key reads as its default. Only the office changes them.
import { prisma } from '../../db/database.ts';
import type { Context } from '../../context.ts';
import { AppError, InputError } from '../../shared/errors.ts';
import { mutate, type Tx } from '../../shared/mutation.ts';

interface SettingSpec<T> {
  default: T;
  description: string;
  /** returns the value when valid, else throws an InputError on field `value` */
  parse(value: unknown): T;
}

const intIn = (min: number, max: number, zh: string) => (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new InputError('value', 'SETTING_VALUE', { zh: `${zh}应为 ${min}–${max} 之间的整数`, en: `an integer from ${min} to ${max}` });
  return value;
};

export const SETTINGS = {
  /** 两库更新确认有效期（天）: a draw warns or refuses when a department's pools were confirmed longer ago. */
  poolConfirmationMaxAgeDays: {
    default: 30,
    description: '两库更新确认有效期（天）：超过该天数未确认，摇号时提示或拒绝 / Days a pool confirmation stays valid for draws',
    parse: intIn(1, 366, '两库更新确认有效期（天）'),
  } satisfies SettingSpec<number>,
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'];
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export interface SettingRow {
  key: SettingKey;
  value: unknown;
  defaultValue: unknown;
  description: string;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The current value of a setting (its default when unset or when the stored value no longer validates). */
export async function getSetting<K extends SettingKey>(key: K, client: Pick<Tx, 'setting'> = prisma()): Promise<SettingValue<K>> {
  const row = await client.setting.findUnique({ where: { key } });
  if (!row) return SETTINGS[key].default;
  try {
    return SETTINGS[key].parse(row.value) as SettingValue<K>;
  } catch {
    return SETTINGS[key].default;
  }
}

export async function listSettings(): Promise<SettingRow[]> {
  const rows = await prisma().setting.findMany({ where: { key: { in: SETTING_KEYS } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SETTING_KEYS.map((key) => {
    const r = byKey.get(key);
    return { key, value: r?.value ?? SETTINGS[key].default, defaultValue: SETTINGS[key].default, description: SETTINGS[key].description, updatedAt: r?.updatedAt ?? null, updatedBy: r?.updatedBy ?? null };
  });
}

/** The office sets a value. authorise → validate → persist → audit. */
export async function updateSetting(ctx: Context, key: string, value: unknown): Promise<SettingRow> {
  if (ctx.actor.role !== 'OFFICE_ADMIN' || ctx.actor.kind !== 'user')
    throw new AppError('FORBIDDEN', { zh: '只有联席会议办公室可以修改系统设置', en: 'only the office changes settings' }, { field: 'key' });
  if (!(key in SETTINGS)) throw new InputError('key', 'UNKNOWN_SETTING', { zh: `未知设置项 ${key}`, en: `unknown setting ${key}` });
  const k = key as SettingKey;
  const parsed = SETTINGS[k].parse(value);
  await mutate(ctx, async (tx, audit) => {
    const before = await tx.setting.findUnique({ where: { key: k } });
    await tx.setting.upsert({ where: { key: k }, create: { key: k, value: parsed, updatedBy: ctx.actor.id }, update: { value: parsed, updatedBy: ctx.actor.id } });
    audit.record({ operation: 'updateSetting', entity: 'Setting', entityId: k, before: { value: before?.value ?? null }, after: { value: parsed } });
  });
  return (await listSettings()).find((s) => s.key === k)!;
}
