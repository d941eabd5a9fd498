// New partner API key (`createApiKey`). The secret is in the answer this once: a dialog shows it with a copy
// button, and closing the dialog leaves it behind for good (the list and show pages know only the prefix).
import { useState } from 'react';
import {
    AutocompleteInput,
    CheckboxGroupInput,
    Create,
    DateTimeInput,
    ReferenceInput,
    required,
    SimpleForm,
    TextInput,
    useCreatePath,
    useRedirect,
    type RaRecord,
    type Validator,
} from 'react-admin';

import { apiKeyScopeChoices } from '../shared/choices';
import { CreatedKeyDialog } from './CreatedKeyDialog';

const atLeastOneScope: Validator = value => (!Array.isArray(value) || value.length === 0 ? 'app.validation.scopes_required' : undefined);

const importNeedsDepartment: Validator = (value, values) =>
    !value && Array.isArray(values?.scopes) && values.scopes.includes('TARGETS_IMPORT') ? 'app.validation.import_department' : undefined;

const inFuture: Validator = value => (value && new Date(String(value)).getTime() <= Date.now() ? 'app.validation.future' : undefined);

const ApiKeyCreate = () => {
    const [created, setCreated] = useState<RaRecord | null>(null);
    const redirect = useRedirect();
    const createPath = useCreatePath();
    const close = () => {
        if (created) redirect(createPath({ resource: 'apiKeys', id: created.id, type: 'show' }));
        setCreated(null);
    };
    return (
        <>
            <Create mutationOptions={{ onSuccess: (record: RaRecord) => setCreated(record) }} redirect={false}>
                <SimpleForm defaultValues={{ scopes: ['REGISTERS_READ'] }}>
                    <TextInput source="name" validate={required()} sx={{ minWidth: 320 }} />
                    <CheckboxGroupInput source="scopes" choices={apiKeyScopeChoices} validate={atLeastOneScope} row={false} />
                    <ReferenceInput source="departmentId" reference="departments">
                        <AutocompleteInput optionText="name" validate={importNeedsDepartment} sx={{ minWidth: 320 }} />
                    </ReferenceInput>
                    <DateTimeInput source="expiresAt" validate={inFuture} />
                </SimpleForm>
            </Create>
            <CreatedKeyDialog record={created} onClose={close} />
        </>
    );
};

export default ApiKeyCreate;
