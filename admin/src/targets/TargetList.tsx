// 检查对象 / 市场主体: searchable by name or unified social credit code, filterable by credit risk class,
// type, status, list flags and (for staff) pool. Columns the API cannot sort on are sortable={false}.
import {
    AutocompleteInput,
    Datagrid,
    List,
    NullableBooleanInput,
    NumberField,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    SelectField,
    TextField,
    TextInput,
    usePermissions,
} from 'react-admin';

import { isStaff } from '../auth/access';
import type { Permissions } from '../authProvider';
import { riskClassChoices, targetStatusChoices, targetTypeChoices } from '../shared/choices';
import { makeExporter } from '../shared/exporter';
import { FlagField } from '../shared/fields';

const exporter = makeExporter({ enums: { riskClass: 'RiskClass', status: 'TargetStatus', type: 'TargetType' } });

const targetFilters = (staff: boolean) => [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="riskClass" source="riskClass" choices={riskClassChoices} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectArrayInput key="type" source="type" choices={targetTypeChoices} />,
    <SelectArrayInput key="status" source="status" choices={targetStatusChoices} />,
    <TextInput key="industryCode" source="industryCode" />,
    <TextInput key="regionCode" source="regionCode" />,
    <NullableBooleanInput key="onAbnormalList" source="onAbnormalList" />,
    <NullableBooleanInput key="onKeyAttentionList" source="onKeyAttentionList" />,
    <NullableBooleanInput key="seriousViolation" source="seriousViolation" />,
    ...(staff
        ? [
              <ReferenceInput key="poolId" source="poolId" reference="targetPools">
                  <AutocompleteInput optionText="name" />
              </ReferenceInput>,
          ]
        : []),
];

const TargetList = () => {
    const { permissions } = usePermissions<Permissions | undefined>();
    return (
        <List filters={targetFilters(isStaff(permissions?.role))} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={exporter}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
                <TextField source="uscc" sx={{ fontFamily: 'monospace' }} />
                <TextField source="name" />
                <SelectField source="type" choices={targetTypeChoices} sortable={false} />
                <TextField source="legalRepresentative" sortable={false} />
                <TextField source="regionCode" />
                <TextField source="industryCode" />
                <SelectField source="riskClass" choices={riskClassChoices} />
                <SelectField source="status" choices={targetStatusChoices} sortable={false} />
                <NumberField source="complaintCount" />
                <FlagField source="onAbnormalList" sortable={false} />
            </Datagrid>
        </List>
    );
};

export default TargetList;
