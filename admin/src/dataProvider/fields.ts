// What the data provider asks the GraphQL API for, per react-admin resource.
// The resource name is the API's root list field (plural camelCase); `one` is the by-id root field and
// `type` the GraphQL object type, whose list inputs are `<type>Filter` and `<type>Sort`.
// `fields` is a plain GraphQL selection set: add a field here when a view starts showing it.

export interface ResourceFields {
    /** GraphQL object type name, e.g. `Department`; list inputs are `${type}Filter` and `${type}Sort`. */
    readonly type: string;
    /** Root field returning one record by id, e.g. `department(id: ID!)`. */
    readonly one: string;
    /** Selection set for one record; must include `id`. */
    readonly fields: string;
    /**
     * The server's whitelist for sorting (the values of its `<type>SortField` enum). Any other sort
     * react-admin asks for (its default is `id`) is left out, and the server's default order applies.
     * Columns not listed here get `sortable={false}` in the views.
     */
    readonly sortFields: readonly string[];
}

export const resourceFields: Readonly<Record<string, ResourceFields>> = {
    departments: {
        type: 'Department',
        one: 'department',
        fields: 'id code name shortName isOfficeHost liaisonName liaisonPhone',
        sortFields: ['sortOrder', 'code', 'name', 'createdAt'],
    },
    targets: {
        type: 'Target',
        one: 'target',
        fields: 'id uscc name legalRepresentative address regionCode industryCode riskClass status onAbnormalList',
        sortFields: ['name', 'uscc', 'riskClass', 'industryCode', 'regionCode', 'complaintCount', 'createdAt', 'updatedAt'],
    },
    tasks: {
        type: 'Task',
        one: 'task',
        fields: 'id code name year status windowStart windowEnd inspectionEndOn leadDepartment { id name }',
        sortFields: ['code', 'name', 'year', 'status', 'windowStart', 'inspectionEndOn', 'publicationDueOn', 'createdAt', 'updatedAt'],
    },
};
