// Imports every type file (each registers its types and root fields on the builder) and builds the schema.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './shared/scalars.ts';
import './shared/enums.ts';
import './shared/pagination.ts';
import './modules/department/department.schema.ts';
import './modules/item/item.schema.ts';
import './modules/pool/pool.schema.ts';
import './modules/plan/plan.schema.ts';
import './modules/task/task.schema.ts';
import './modules/work/work.schema.ts';
import './modules/draw/draw.schema.ts';
import './modules/record/record.schema.ts';
import './modules/credit/credit.schema.ts';
import './modules/calendar/calendar.schema.ts';
import './modules/system/system.schema.ts';
import './modules/access/access.schema.ts';
import './modules/audit/audit.schema.ts';
import './modules/setting/setting.schema.ts';
import './modules/import/import.schema.ts';
import './modules/report/report.schema.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
