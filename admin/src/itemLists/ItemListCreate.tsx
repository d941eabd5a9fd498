// New draft item list (`createItemList`): a department's list, or (office) the joint list; its version is
// the next of its department, kind and year. Items are chosen among the department's active check items.
import {
    AutocompleteArrayInput,
    Create,
    FormDataConsumer,
    NumberInput,
    ReferenceArrayInput,
    required,
    SelectInput,
    SimpleForm,
    TextInput,
} from 'react-admin';

import { listKindChoices } from '../shared/choices';
import { DepartmentInput, useOwnDepartment } from '../shared/inputs';

const ItemListCreate = () => {
    const { office, departmentId } = useOwnDepartment();
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={{ kind: 'DEPARTMENT', year: new Date().getFullYear(), department: { id: departmentId } }}>
                <TextInput source="name" validate={required()} fullWidth />
                <NumberInput source="year" validate={required()} />
                <SelectInput source="kind" choices={office ? listKindChoices : listKindChoices.filter(c => c.id === 'DEPARTMENT')} validate={required()} />
                <FormDataConsumer>
                    {({ formData }) =>
                        formData.kind !== 'JOINT' && (
                            <>
                                <DepartmentInput validate={required()} />
                                <ReferenceArrayInput
                                    source="items"
                                    reference="checkItems"
                                    filter={{ active: true, ...(formData.department?.id ? { departmentId: formData.department.id } : {}) }}
                                    perPage={100}
                                >
                                    <AutocompleteArrayInput
                                        optionText={(item: { code: string; name: string }) => `${item.code} ${item.name}`}
                                        label="resources.itemLists.fields.items"
                                        sx={{ minWidth: 480 }}
                                    />
                                </ReferenceArrayInput>
                            </>
                        )
                    }
                </FormDataConsumer>
            </SimpleForm>
        </Create>
    );
};

export default ItemListCreate;
