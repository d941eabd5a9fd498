-- CreateTable
CREATE TABLE "report_task" (
    "task_id" UUID NOT NULL,
    "records" INTEGER NOT NULL DEFAULT 0,
    "problem_records" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_task_pkey" PRIMARY KEY ("task_id")
);

-- CreateTable
CREATE TABLE "report_task_department" (
    "task_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "problem_pairs" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,
    "published_on_time" INTEGER NOT NULL DEFAULT 0,
    "c1" INTEGER NOT NULL DEFAULT 0,
    "c2" INTEGER NOT NULL DEFAULT 0,
    "c3" INTEGER NOT NULL DEFAULT 0,
    "c4" INTEGER NOT NULL DEFAULT 0,
    "c5" INTEGER NOT NULL DEFAULT 0,
    "c6" INTEGER NOT NULL DEFAULT 0,
    "c7" INTEGER NOT NULL DEFAULT 0,
    "c8" INTEGER NOT NULL DEFAULT 0,
    "c9" INTEGER NOT NULL DEFAULT 0,
    "c10" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_task_department_pkey" PRIMARY KEY ("task_id","department_id")
);

-- CreateTable
CREATE TABLE "report_task_item" (
    "task_id" UUID NOT NULL,
    "check_item_id" UUID NOT NULL,
    "results" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_task_item_pkey" PRIMARY KEY ("task_id","check_item_id")
);

-- AddForeignKey
ALTER TABLE "report_task" ADD CONSTRAINT "report_task_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_task_department" ADD CONSTRAINT "report_task_department_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_task_department" ADD CONSTRAINT "report_task_department_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_task_item" ADD CONSTRAINT "report_task_item_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_task_item" ADD CONSTRAINT "report_task_item_check_item_id_fkey" FOREIGN KEY ("check_item_id") REFERENCES "check_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written): the rollup of the data already in the database, the same statement as
-- rebuildRollup() in server/src/modules/report/report.rollup.ts at the time of this migration (sign = 1, all records).
with 
rs as (
  select r.task_id, r.id as record_id, ir.department_id, ir.check_item_id,
         coalesce((select c.new_code from correction c where c.item_result_id = ir.id and c.status = 'APPROVED'
                    order by c.decided_at desc nulls last, c.id limit 1), ir.code) as code
    from inspection_record r join item_result ir on ir.record_id = r.id
   where true
),
pr as (
  select s.task_id, s.record_id, s.department_id, bool_or(s.code in (2,3,5,6,8,10)) as problem,
         count(*) filter (where s.code = 1)::int as c1, count(*) filter (where s.code = 2)::int as c2, count(*) filter (where s.code = 3)::int as c3, count(*) filter (where s.code = 4)::int as c4, count(*) filter (where s.code = 5)::int as c5, count(*) filter (where s.code = 6)::int as c6, count(*) filter (where s.code = 7)::int as c7, count(*) filter (where s.code = 8)::int as c8, count(*) filter (where s.code = 9)::int as c9, count(*) filter (where s.code = 10)::int as c10
    from rs s group by s.task_id, s.record_id, s.department_id
),
ct as (
  select task_id, count(*)::int as records, count(*) filter (where problem)::int as problem_records
    from (select task_id, record_id, bool_or(problem) as problem from pr group by task_id, record_id) z
   group by task_id
),
cd as (
  select p.task_id, p.department_id, count(*)::int as pairs, count(*) filter (where p.problem)::int as problem_pairs,
         count(pb.id)::int as published, count(pb.id) filter (where pb.on_time)::int as published_on_time,
         sum(p.c1)::int as c1, sum(p.c2)::int as c2, sum(p.c3)::int as c3, sum(p.c4)::int as c4, sum(p.c5)::int as c5, sum(p.c6)::int as c6, sum(p.c7)::int as c7, sum(p.c8)::int as c8, sum(p.c9)::int as c9, sum(p.c10)::int as c10
    from pr p left join publication pb on pb.record_id = p.record_id and pb.department_id = p.department_id
   group by p.task_id, p.department_id
),
ci as (
  select task_id, check_item_id, count(*)::int as results from rs group by task_id, check_item_id
),
ut as (
  insert into report_task as g (task_id, records, problem_records)
  select task_id, 1 * records, 1 * problem_records from ct
  on conflict (task_id) do update set records = g.records + excluded.records, problem_records = g.problem_records + excluded.problem_records
  returning 1
),
ud as (
  insert into report_task_department as g (task_id, department_id, pairs, problem_pairs, published, published_on_time, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)
  select task_id, department_id, 1 * pairs, 1 * problem_pairs, 1 * published, 1 * published_on_time, 1 * c1, 1 * c2, 1 * c3, 1 * c4, 1 * c5, 1 * c6, 1 * c7, 1 * c8, 1 * c9, 1 * c10 from cd
  on conflict (task_id, department_id) do update set pairs = g.pairs + excluded.pairs, problem_pairs = g.problem_pairs + excluded.problem_pairs, published = g.published + excluded.published, published_on_time = g.published_on_time + excluded.published_on_time, c1 = g.c1 + excluded.c1, c2 = g.c2 + excluded.c2, c3 = g.c3 + excluded.c3, c4 = g.c4 + excluded.c4, c5 = g.c5 + excluded.c5, c6 = g.c6 + excluded.c6, c7 = g.c7 + excluded.c7, c8 = g.c8 + excluded.c8, c9 = g.c9 + excluded.c9, c10 = g.c10 + excluded.c10
  returning 1
),
ui as (
  insert into report_task_item as g (task_id, check_item_id, results)
  select task_id, check_item_id, 1 * results from ci
  on conflict (task_id, check_item_id) do update set results = g.results + excluded.results
  returning 1
)
select (select count(*) from ut)::int + (select count(*) from ud)::int + (select count(*) from ui)::int as rows;
