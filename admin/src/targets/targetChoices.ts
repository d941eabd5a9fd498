// Choices for Target's enums (prisma/schema.prisma RiskClass, TargetStatus); names are i18n keys.
export const riskClassChoices = (['A', 'B', 'C', 'D'] as const).map(id => ({
    id,
    name: `resources.targets.riskClass.${id}`,
}));

export const targetStatusChoices = (['ACTIVE', 'SUSPENDED', 'DEREGISTERED'] as const).map(id => ({
    id,
    name: `resources.targets.status.${id}`,
}));
