// Choices for TaskStatus (prisma/schema.prisma); names are i18n keys. The order is the task's lifecycle.
export const taskStatusChoices = (
    [
        'DRAFT',
        'INVITING',
        'READY',
        'DRAWN',
        'DISPATCHED',
        'INSPECTING',
        'RESULTS_ENTERED',
        'PUBLISHED',
        'CLOSED',
        'CANCELLED',
        'REISSUED',
    ] as const
).map(id => ({ id, name: `resources.tasks.status.${id}` }));
