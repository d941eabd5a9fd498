// Check items (抽查事项) of the demo, 2022 第一版. The first eight domains are the joint-inspection domains of
// the 2022 Pingdingshan plan (seed 000, 四、抽查领域); the rest give every member department its own list.
// Legal bases cite the statute (and article where the article is the inspection or duty provision).
// KEY (重点检查事项: safety, quality, public interest) has no ratio cap; GENERAL has ratioCapBp (1% = 100).

export type Method = 'ON_SITE' | 'DOCUMENT' | 'ONLINE_MONITORING';

export interface DemoCheckItem {
  code: string;
  name: string;
  category: 'KEY' | 'GENERAL';
  domain: string;
  department: string;
  legalBasis: string;
  content: string;
  methods: Method[];
  targetType?: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMER_COOPERATIVE' | 'PRODUCT' | 'PROJECT' | 'BEHAVIOUR';
  ratioCapBp?: number;
}

/** The joint-inspection domains of seed 000 (食品生产企业、中高风险制造业企业、加油站、不定时工作制企业、餐饮业、旅馆业、工业生产企业、学校). */
export const JOINT_DOMAINS = [
  '食品生产',
  '中高风险工业产品生产',
  '加油站',
  '不定时工作制企业',
  '餐饮服务',
  '宾馆酒店',
  '工业企业',
  '学校',
] as const;

const FOOD_LAW = '《中华人民共和国食品安全法》';
const PQ_LAW = '《中华人民共和国产品质量法》第十五条';
const SAFETY_LAW = '《中华人民共和国安全生产法》第六十五条';
const EP_LAW = '《中华人民共和国环境保护法》第二十四条';
const LABOUR_INSPECTION = '《劳动保障监察条例》第十一条';
const TAX_LAW = '《中华人民共和国税收征收管理法》第五十四条';

export const CHECK_ITEMS: DemoCheckItem[] = [
  // ── 食品生产 ──
  {
    code: 'SCJGJ-SP-01', name: '食品生产企业监督检查', category: 'KEY', domain: '食品生产', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第一百一十条；《食品生产经营监督检查管理办法》`,
    content: '生产者资质、生产环境条件、进货查验、生产过程控制、产品检验、贮存及交付控制、不合格品管理和食品召回、标签和说明书、食品安全自查、从业人员管理',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-SP-02', name: '食品安全监督抽检', category: 'KEY', domain: '食品生产', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第八十七条；《食品安全抽样检验管理办法》`,
    content: '按照食品安全标准对在产食品进行抽样检验，核查检验结论及不合格食品的处置情况',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-GS-01', name: '企业公示信息抽查', category: 'GENERAL', domain: '食品生产', department: 'SCJGJ',
    legalBasis: '《企业信息公示暂行条例》第十四条',
    content: '年度报告公示信息、即时公示信息的真实性、及时性，登记的住所（经营场所）能否取得联系',
    methods: ['DOCUMENT', 'ON_SITE', 'ONLINE_MONITORING'], ratioCapBp: 300,
  },
  {
    code: 'STHJJ-SP-01', name: '食品生产企业污染物排放检查', category: 'GENERAL', domain: '食品生产', department: 'STHJJ',
    legalBasis: `${EP_LAW}；《中华人民共和国水污染防治法》`,
    content: '环评手续、废水处理设施运行、排污口规范化、固体废物贮存处置',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 500,
  },
  // ── 中高风险工业产品生产 ──
  {
    code: 'SCJGJ-GY-01', name: '工业产品生产许可证获证企业监督检查', category: 'KEY', domain: '中高风险工业产品生产', department: 'SCJGJ',
    legalBasis: '《中华人民共和国工业产品生产许可证管理条例》；《工业产品生产许可证管理条例实施办法》',
    content: '获证企业持续保持生产条件、原材料进货验收、出厂检验、标志标识和许可证使用情况',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-GY-02', name: '产品质量监督抽查', category: 'KEY', domain: '中高风险工业产品生产', department: 'SCJGJ',
    legalBasis: `${PQ_LAW}；《产品质量监督抽查管理暂行办法》`,
    content: '按产品标准对电线电缆、化肥、危险化学品包装物等重点工业产品抽样检验',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-TZ-01', name: '特种设备使用单位监督检查', category: 'KEY', domain: '中高风险工业产品生产', department: 'SCJGJ',
    legalBasis: '《中华人民共和国特种设备安全法》第五十七条',
    content: '锅炉、压力容器、起重机械、场（厂）内专用机动车辆的使用登记、定期检验、作业人员持证、安全技术档案',
    methods: ['ON_SITE'],
  },
  {
    code: 'YJGLJ-GY-01', name: '危险化学品生产使用企业安全生产检查', category: 'KEY', domain: '中高风险工业产品生产', department: 'YJGLJ',
    legalBasis: `${SAFETY_LAW}；《危险化学品安全管理条例》`,
    content: '安全生产许可、重大危险源辨识与监控、安全设施、特殊作业管理、应急预案及演练',
    methods: ['ON_SITE'],
  },
  // ── 加油站 ──
  {
    code: 'SCJGJ-JY-01', name: '加油机计量监督检查', category: 'KEY', domain: '加油站', department: 'SCJGJ',
    legalBasis: '《中华人民共和国计量法》第九条；《加油站计量监督管理办法》',
    content: '燃油加油机强制检定合格证、计量准确度、铅封完好、计量器具管理制度',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-JY-02', name: '成品油质量监督抽查', category: 'KEY', domain: '加油站', department: 'SCJGJ',
    legalBasis: `${PQ_LAW}`,
    content: '车用汽油、车用柴油抽样检验，核查进货查验记录和油品合格证明',
    methods: ['ON_SITE'],
  },
  {
    code: 'YJGLJ-JY-01', name: '危险化学品经营单位（加油站）安全生产检查', category: 'KEY', domain: '加油站', department: 'YJGLJ',
    legalBasis: `${SAFETY_LAW}；《危险化学品经营许可证管理办法》`,
    content: '危险化学品经营许可、卸油加油作业规程、防雷防静电、消防器材、安全培训和应急预案',
    methods: ['ON_SITE'],
  },
  {
    code: 'SWJ-JY-01', name: '成品油零售经营企业经营行为检查', category: 'GENERAL', domain: '加油站', department: 'SWJ',
    legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》；《山东省成品油市场管理办法》',
    content: '成品油零售经营资格、油品购销台账、供油来源、经营场所与许可一致',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 1000,
  },
  {
    code: 'STHJJ-JY-01', name: '加油站油气回收设施检查', category: 'GENERAL', domain: '加油站', department: 'STHJJ',
    legalBasis: '《中华人民共和国大气污染防治法》第四十七条',
    content: '油气回收装置安装及正常使用、年度检测报告、在线监控设备运行',
    methods: ['ON_SITE', 'ONLINE_MONITORING'], ratioCapBp: 1000,
  },
  // ── 不定时工作制企业 ──
  {
    code: 'RSJ-BD-01', name: '用人单位实行不定时工作制情况检查', category: 'GENERAL', domain: '不定时工作制企业', department: 'RSJ',
    legalBasis: `《中华人民共和国劳动法》第三十九条；${LABOUR_INSPECTION}`,
    content: '不定时工作制审批手续及有效期、适用岗位与批准范围一致、职工休息休假权利保障',
    methods: ['DOCUMENT', 'ON_SITE'], ratioCapBp: 500,
  },
  {
    code: 'RSJ-BD-02', name: '用人单位遵守劳动合同制度情况检查', category: 'GENERAL', domain: '不定时工作制企业', department: 'RSJ',
    legalBasis: `《中华人民共和国劳动合同法》第七十四条；${LABOUR_INSPECTION}`,
    content: '劳动合同订立及履行、职工名册、工资支付及最低工资标准执行',
    methods: ['DOCUMENT'], ratioCapBp: 300,
  },
  {
    code: 'SWUJ-BD-01', name: '纳税人扣缴个人所得税情况检查', category: 'GENERAL', domain: '不定时工作制企业', department: 'SWUJ',
    legalBasis: `${TAX_LAW}；《中华人民共和国个人所得税法》`,
    content: '全员全额扣缴申报、工资薪金支出与申报一致性',
    methods: ['DOCUMENT'], ratioCapBp: 300,
  },
  {
    code: 'JTYSJ-BD-01', name: '道路运输经营者经营行为检查', category: 'GENERAL', domain: '不定时工作制企业', department: 'JTYSJ',
    legalBasis: '《中华人民共和国道路运输条例》；《道路货物运输及站场管理规定》',
    content: '道路运输经营许可证、车辆营运证及年审、驾驶员从业资格、动态监控',
    methods: ['ON_SITE', 'ONLINE_MONITORING'], ratioCapBp: 500,
  },
  // ── 餐饮服务 ──
  {
    code: 'SCJGJ-CY-01', name: '餐饮服务提供者监督检查', category: 'KEY', domain: '餐饮服务', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第一百一十条；《餐饮服务食品安全操作规范》`,
    content: '许可证照、从业人员健康证明、原料控制、加工制作过程、餐用具清洗消毒、食品添加剂使用、食品留样',
    methods: ['ON_SITE'], targetType: 'INDIVIDUAL_BUSINESS',
  },
  {
    code: 'SCJGJ-CY-02', name: '餐饮食品安全监督抽检', category: 'KEY', domain: '餐饮服务', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第八十七条`,
    content: '自制食品、餐饮具抽样检验及不合格产品处置',
    methods: ['ON_SITE'], targetType: 'INDIVIDUAL_BUSINESS',
  },
  {
    code: 'ZHZFJ-CY-01', name: '餐饮服务业油烟污染防治检查', category: 'GENERAL', domain: '餐饮服务', department: 'ZHZFJ',
    legalBasis: '《中华人民共和国大气污染防治法》第八十一条',
    content: '油烟净化设施安装及正常使用、清洗维护记录、露天烧烤',
    methods: ['ON_SITE'], ratioCapBp: 1000, targetType: 'INDIVIDUAL_BUSINESS',
  },
  {
    code: 'STHJJ-CY-01', name: '餐饮单位环境影响及噪声排放检查', category: 'GENERAL', domain: '餐饮服务', department: 'STHJJ',
    legalBasis: '《中华人民共和国噪声污染防治法》',
    content: '排风、空调等设备噪声排放、污水排放去向',
    methods: ['ON_SITE'], ratioCapBp: 500, targetType: 'INDIVIDUAL_BUSINESS',
  },
  // ── 宾馆酒店 ──
  {
    code: 'GAJ-LG-01', name: '旅馆业治安管理检查', category: 'KEY', domain: '宾馆酒店', department: 'GAJ',
    legalBasis: '《旅馆业治安管理办法》第六条；《中华人民共和国反恐怖主义法》第二十一条',
    content: '特种行业许可证、旅客住宿实名登记及信息上传、治安保卫制度、可疑情况报告',
    methods: ['ON_SITE', 'ONLINE_MONITORING'],
  },
  {
    code: 'GAJ-XF-01', name: '人员密集场所消防安全检查', category: 'GENERAL', domain: '宾馆酒店', department: 'GAJ',
    legalBasis: '《中华人民共和国消防法》第五十三条',
    content: '消防安全责任制、疏散通道和安全出口、消防设施器材、员工消防培训',
    methods: ['ON_SITE'], ratioCapBp: 1000,
  },
  {
    code: 'WJJ-LG-01', name: '公共场所（住宿场所）卫生监督检查', category: 'GENERAL', domain: '宾馆酒店', department: 'WJJ',
    legalBasis: '《公共场所卫生管理条例》第十条；《公共场所卫生管理条例实施细则》',
    content: '卫生许可证、从业人员健康合格证明、公共用品用具清洗消毒、室内空气质量、卫生检测报告公示',
    methods: ['ON_SITE'], ratioCapBp: 1000,
  },
  {
    code: 'WLJ-LG-01', name: '旅游饭店经营服务检查', category: 'GENERAL', domain: '宾馆酒店', department: 'WLJ',
    legalBasis: '《中华人民共和国旅游法》第八十三条',
    content: '星级标志使用、服务项目与收费公示、安全提示和应急处置',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 500,
  },
  // ── 工业企业 ──
  {
    code: 'YJGLJ-GM-01', name: '工贸企业安全生产检查', category: 'KEY', domain: '工业企业', department: 'YJGLJ',
    legalBasis: `${SAFETY_LAW}；《工贸企业重大事故隐患判定标准》`,
    content: '安全生产责任制、隐患排查治理、粉尘涉爆、有限空间作业、特种作业人员持证',
    methods: ['ON_SITE'],
  },
  {
    code: 'YJGLJ-GM-02', name: '生产经营单位安全生产教育培训情况检查', category: 'GENERAL', domain: '工业企业', department: 'YJGLJ',
    legalBasis: '《中华人民共和国安全生产法》第二十八条',
    content: '从业人员安全生产教育培训计划、档案及考核记录',
    methods: ['DOCUMENT'], ratioCapBp: 500,
  },
  {
    code: 'STHJJ-GM-01', name: '排污单位排污许可执行情况检查', category: 'KEY', domain: '工业企业', department: 'STHJJ',
    legalBasis: `${EP_LAW}；《排污许可管理条例》`,
    content: '排污许可证及执行报告、自行监测、污染防治设施运行、环境管理台账',
    methods: ['ON_SITE', 'ONLINE_MONITORING'],
  },
  {
    code: 'TJJ-GM-01', name: '统计调查对象统计执法检查', category: 'GENERAL', domain: '工业企业', department: 'TJJ',
    legalBasis: '《中华人民共和国统计法》第三十五条；《中华人民共和国统计法实施条例》',
    content: '原始记录和统计台账、统计数据真实性、按时报送统计资料',
    methods: ['DOCUMENT', 'ON_SITE'], ratioCapBp: 300,
  },
  {
    code: 'SWUJ-GM-01', name: '纳税人发票使用情况检查', category: 'GENERAL', domain: '工业企业', department: 'SWUJ',
    legalBasis: `${TAX_LAW}；《中华人民共和国发票管理办法》`,
    content: '发票领用存、开具与实际经营业务一致、取得发票合规',
    methods: ['DOCUMENT', 'ONLINE_MONITORING'], ratioCapBp: 300,
  },
  // ── 学校 ──
  {
    code: 'JYTYJ-XX-01', name: '民办学校及校外培训机构办学行为检查', category: 'GENERAL', domain: '学校', department: 'JYTYJ',
    legalBasis: '《中华人民共和国民办教育促进法》；《教育督导条例》',
    content: '办学许可、招生简章和广告备案、收费及资金监管、师资资格',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 1000,
  },
  {
    code: 'WJJ-XX-01', name: '学校卫生监督检查', category: 'KEY', domain: '学校', department: 'WJJ',
    legalBasis: '《学校卫生工作条例》第二十八条',
    content: '教学环境卫生、生活饮用水卫生、传染病防控制度、晨午检记录',
    methods: ['ON_SITE'],
  },
  {
    code: 'SCJGJ-XX-01', name: '学校食堂食品安全检查', category: 'KEY', domain: '学校', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第五十七条；《学校食品安全与营养健康管理规定》`,
    content: '食堂许可、原料采购索证索票、加工制作、陪餐制度、食品留样',
    methods: ['ON_SITE'],
  },
  {
    code: 'GAJ-XX-01', name: '校园安全防范检查', category: 'GENERAL', domain: '学校', department: 'GAJ',
    legalBasis: '《中小学幼儿园安全管理办法》；《企业事业单位内部治安保卫条例》',
    content: '专职保安配备、一键报警和视频监控、护学岗设置、门卫管理',
    methods: ['ON_SITE'], ratioCapBp: 1000,
  },
  // ── other departments' own lists ──
  {
    code: 'FGJ-LS-01', name: '粮食经营者执行粮食流通政策情况检查', category: 'GENERAL', domain: '粮食流通', department: 'FGJ',
    legalBasis: '《粮食流通管理条例》',
    content: '粮食收购备案、粮食经营台账、执行国家粮食质量标准、库存粮食数量质量',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 500,
  },
  {
    code: 'SFJ-LS-01', name: '律师事务所执业活动检查', category: 'GENERAL', domain: '法律服务', department: 'SFJ',
    legalBasis: '《中华人民共和国律师法》；《律师事务所管理办法》',
    content: '执业许可证、收费管理、利益冲突审查、执业档案管理',
    methods: ['DOCUMENT', 'ON_SITE'], ratioCapBp: 1000,
  },
  {
    code: 'SFJ-LS-02', name: '司法鉴定机构执业活动检查', category: 'GENERAL', domain: '法律服务', department: 'SFJ',
    legalBasis: '《全国人民代表大会常务委员会关于司法鉴定管理问题的决定》；《司法鉴定机构登记管理办法》',
    content: '执业范围、鉴定人资质、鉴定程序及文书、仪器设备计量',
    methods: ['DOCUMENT', 'ON_SITE'], ratioCapBp: 1000,
  },
  {
    code: 'ZJJ-JZ-01', name: '建筑施工企业安全生产检查', category: 'KEY', domain: '建筑施工', department: 'ZJJ',
    legalBasis: '《中华人民共和国建筑法》第四十三条；《建设工程安全生产管理条例》',
    content: '安全生产许可证、项目负责人及专职安全员到岗、危大工程管理、施工现场防护',
    methods: ['ON_SITE'],
  },
  {
    code: 'ZJJ-WY-01', name: '物业服务企业服务质量检查', category: 'GENERAL', domain: '物业服务', department: 'ZJJ',
    legalBasis: '《物业管理条例》',
    content: '物业服务合同履行、收费公示、共用设施设备维护、消防通道管理',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 500,
  },
  {
    code: 'JTYSJ-WX-01', name: '机动车维修经营者经营行为检查', category: 'GENERAL', domain: '机动车维修', department: 'JTYSJ',
    legalBasis: '《中华人民共和国道路运输条例》；《机动车维修管理规定》',
    content: '维修经营备案、维修竣工出厂合格证、维修档案、配件进货台账',
    methods: ['ON_SITE'], ratioCapBp: 500,
  },
  {
    code: 'NYNCJ-NZ-01', name: '农产品生产经营主体质量安全检查', category: 'KEY', domain: '农业生产', department: 'NYNCJ',
    legalBasis: '《中华人民共和国农产品质量安全法》；《农药管理条例》',
    content: '农业投入品使用记录、禁限用农药兽药、承诺达标合格证开具、产地环境',
    methods: ['ON_SITE'], targetType: 'FARMER_COOPERATIVE',
  },
  {
    code: 'NYNCJ-HZ-01', name: '农民专业合作社年度报告抽查', category: 'GENERAL', domain: '农业生产', department: 'NYNCJ',
    legalBasis: '《中华人民共和国农民专业合作社法》',
    content: '年度报告公示信息真实性、成员账户和财务管理',
    methods: ['DOCUMENT'], ratioCapBp: 300, targetType: 'FARMER_COOPERATIVE',
  },
  {
    code: 'SWJ-YF-01', name: '单用途商业预付卡发卡企业检查', category: 'GENERAL', domain: '商贸流通', department: 'SWJ',
    legalBasis: '《单用途商业预付卡管理办法（试行）》',
    content: '发卡备案、预收资金余额、资金存管、购卡章程公示',
    methods: ['DOCUMENT', 'ON_SITE'], ratioCapBp: 500,
  },
  {
    code: 'SCJGJ-SPJY-01', name: '食品销售者监督检查', category: 'KEY', domain: '商贸流通', department: 'SCJGJ',
    legalBasis: `${FOOD_LAW}第一百一十条`,
    content: '经营许可、进货查验记录、临近保质期食品管理、散装食品标识',
    methods: ['ON_SITE'],
  },
  {
    code: 'WLJ-YL-01', name: '娱乐场所经营活动检查', category: 'GENERAL', domain: '文化娱乐', department: 'WLJ',
    legalBasis: '《娱乐场所管理条例》',
    content: '娱乐经营许可证、曲目内容、营业时间、未成年人保护',
    methods: ['ON_SITE'], ratioCapBp: 1000,
  },
  {
    code: 'WLJ-WB-01', name: '互联网上网服务营业场所检查', category: 'GENERAL', domain: '文化娱乐', department: 'WLJ',
    legalBasis: '《互联网上网服务营业场所管理条例》',
    content: '网络文化经营许可证、上网实名登记、接纳未成年人情况',
    methods: ['ON_SITE', 'ONLINE_MONITORING'], ratioCapBp: 1000,
  },
  {
    code: 'WJJ-YL-01', name: '医疗机构依法执业检查', category: 'KEY', domain: '医疗卫生', department: 'WJJ',
    legalBasis: '《医疗机构管理条例》；《中华人民共和国基本医疗卫生与健康促进法》',
    content: '执业许可证校验、执业范围、医务人员资质、医疗废物处置、传染病防治',
    methods: ['ON_SITE'],
  },
  {
    code: 'STHJJ-YL-01', name: '医疗废物处置情况检查', category: 'GENERAL', domain: '医疗卫生', department: 'STHJJ',
    legalBasis: '《医疗废物管理条例》；《中华人民共和国固体废物污染环境防治法》',
    content: '医疗废物分类收集、暂存设施、转移联单、交接记录',
    methods: ['ON_SITE', 'DOCUMENT'], ratioCapBp: 1000,
  },
  {
    code: 'ZHZFJ-JZ-01', name: '建筑工地扬尘污染防治检查', category: 'GENERAL', domain: '建筑施工', department: 'ZHZFJ',
    legalBasis: '《中华人民共和国大气污染防治法》第六十九条',
    content: '围挡、物料覆盖、车辆冲洗、道路硬化、土方作业洒水抑尘',
    methods: ['ON_SITE'], ratioCapBp: 1000,
  },
];
