// The example operations GraphiQL opens with: what an analyst runs first (docs/API.md explains each).
export const PLAYGROUND_TABS: { query: string; variables?: string }[] = [
  {
    query: `# 某部门本年度的抽查任务 / Tasks a department leads or joins this year
query TasksOfDepartment($departmentCode: String = "SCJGJ", $year: Int = 2022) {
  departments(filter: { q: $departmentCode }, perPage: 1) {
    nodes { id name }
  }
  tasks(filter: { year: $year }, sort: { field: windowStart, order: ASC }, perPage: 20) {
    totalCount
    nodes {
      code name status windowStart windowEnd inspectionEndOn publicationDueOn
      leadDepartment { name }
      participants { role acceptance department { shortName } }
    }
  }
}`,
  },
  {
    query: `# 按信用风险分类查看检查对象 / Targets by credit risk class
query TargetsByRisk {
  high: targets(filter: { riskClass: [D] }, perPage: 10) {
    totalCount
    nodes { uscc name industryCode regionCode riskClass onAbnormalList complaintCount }
  }
  a: targets(filter: { riskClass: [A] }) { totalCount }
  b: targets(filter: { riskClass: [B] }) { totalCount }
  c: targets(filter: { riskClass: [C] }) { totalCount }
}`,
  },
  {
    query: `# 一次摇号及其抽中的对象 / A draw with its selected targets
query DrawWithTargets {
  draws(filter: { kind: TARGET }, perPage: 1) {
    nodes {
      id status stratified algorithm candidateCount candidateHash commitment publicInputSource publicInput seed resultHash
      task { code name }
      targets(first: 20) { stratum rank ticket target { uscc name riskClass } }
    }
  }
}`,
  },
  {
    query: `# 游标分页（合作系统）/ Cursor pagination for partner systems
query TargetsPage($after: String) {
  targets(first: 100, after: $after, sort: { field: uscc, order: ASC }) {
    pageInfo { hasNextPage endCursor }
    nodes { uscc name riskClass updatedAt }
  }
}`,
  },
  {
    query: `# 季度通报：合计与各部门指标、目标与较上季度变化 / Quarterly report: totals and departments, targets, change
query QuarterlyReport($year: Int = 2022, $quarter: Int = 2) {
  quarterlyReport(year: $year, quarter: $quarter) {
    from to previousFrom previousTo asOf
    total {
      figures { key labelZh value numerator denominator target met previous change }
      resultCodes { code labelZh count previous }
    }
    departments { departmentName figures { key value met } }
    departmentsWithoutJointTask { code name }
  }
}`,
  },
  {
    query: `# 指标明细：按时公示率背后的公示（只看未按时的）/ Drill-down: the late publications behind a figure
# 导出：/export/report.xlsx?year=2022&quarter=2（.csv、.html 打印版同参数）/ Exports take the same arguments
query LatePublications($year: Int = 2022, $quarter: Int = 2) {
  reportDrillDown(figure: "onTimePublicationRate", year: $year, quarter: $quarter, perPage: 50) {
    numeratorCount denominatorCount totalCount
    nodes { entity taskCode recordId targetUscc targetName departmentCode date inNumerator }
  }
  yearToDateReport(year: $year) { from to total { figure(key: "jointInspectionRate") { value target met previous } } }
}`,
  },
];
