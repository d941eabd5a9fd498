// Target sectors of the demo: what kinds of businesses (and schools, clinics, law firms …) the county has,
// with GB/T 4754-2017 industry codes, name patterns, business scope, and which departments' pools hold them.
//
// Name templates: {city} 海阳市, {cityShort} 海阳, {town} 留格庄镇, {townShort} 留格庄, {zh} trade name (字号),
// {word} an industry word of the chosen industry, {shop} a shop word, {sur} a surname, {ord} 一…十,
// {suffix} 有限公司 / 有限责任公司 / 股份有限公司.

/**
 * Registration kinds, with the first two characters of their unified social credit code (GB 32100):
 * 91 enterprise, 92 individual business (个体工商户), 93 farmers' cooperative (registered by market regulation);
 * 12 public institution (事业单位), 52 private non-enterprise unit (民办非企业单位), 31 law firm, 34 forensic
 * appraisal institution (registered by justice administration).
 */
export type EntityKind = 'company' | 'individual' | 'cooperative' | 'public' | 'nonprofit' | 'lawFirm' | 'appraisal';

export const ENTITY_PREFIX: Record<EntityKind, string> = {
  company: '91',
  individual: '92',
  cooperative: '93',
  public: '12',
  nonprofit: '52',
  lawFirm: '31',
  appraisal: '34',
};

export const ENTITY_TARGET_TYPE: Record<EntityKind, 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMER_COOPERATIVE'> = {
  company: 'ENTERPRISE',
  individual: 'INDIVIDUAL_BUSINESS',
  cooperative: 'FARMER_COOPERATIVE',
  public: 'ENTERPRISE',
  nonprofit: 'ENTERPRISE',
  lawFirm: 'ENTERPRISE',
  appraisal: 'ENTERPRISE',
};

export interface NamePattern {
  kind: EntityKind;
  weight: number;
  template: string;
}

export interface DemoIndustry {
  code: string;
  label: string;
  weight: number;
  words: string[];
  scope: string;
  /** Overrides the sector's name patterns. */
  names?: NamePattern[];
  shops?: string[];
}

export interface DemoSector {
  key: string;
  /** Domain label; pools with a sub-pool of the same domain take these targets too. */
  domain: string;
  weight: number;
  industries: DemoIndustry[];
  names: NamePattern[];
  shops?: string[];
  /** Departments whose pools hold the targets: the first always, the others each with probability p (at most 3). */
  pools: { department: string; p: number }[];
  /** Relative likelihood of complaints (投诉举报). */
  complaints: number;
}

const LICENSED = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）';
const COMPANY: NamePattern = { kind: 'company', weight: 1, template: '{city}{zh}{word}{suffix}' };

export const SECTORS: DemoSector[] = [
  {
    key: 'food', domain: '食品生产', weight: 70, complaints: 1,
    pools: [{ department: 'SCJGJ', p: 1 }, { department: 'STHJJ', p: 0.35 }, { department: 'YJGLJ', p: 0.25 }],
    names: [COMPANY, { kind: 'individual', weight: 0.15, template: '{city}{town}{zh}{shop}' }],
    shops: ['食品加工坊', '豆腐坊', '馒头坊', '海米加工点'],
    industries: [
      { code: 'C1361', label: '水产品冷冻加工', weight: 3, words: ['水产食品', '海洋食品', '水产品'], scope: `食品生产；水产品冷冻加工；水产品收购；货物进出口${LICENSED}` },
      { code: 'C1362', label: '鱼糜制品及水产品干腌制加工', weight: 2, words: ['海产品', '水产制品'], scope: `食品生产；水产品干腌制加工；食品销售${LICENSED}` },
      { code: 'C1431', label: '米、面制品制造', weight: 2, words: ['面业', '食品'], scope: `食品生产；粮食加工食品制造；食品销售${LICENSED}` },
      { code: 'C1411', label: '糕点、面包制造', weight: 2, words: ['食品', '烘焙食品'], scope: `食品生产；糕点、面包制造；食品销售${LICENSED}` },
      { code: 'C1462', label: '酱油、食醋及类似制品制造', weight: 1, words: ['酿造', '调味品'], scope: `食品生产；调味品生产；食品销售${LICENSED}` },
      { code: 'C1515', label: '葡萄酒制造', weight: 1, words: ['葡萄酒', '酒业', '酒庄'], scope: `酒类生产；酒类经营；葡萄种植${LICENSED}` },
      { code: 'C1524', label: '含乳饮料和植物蛋白饮料制造', weight: 1, words: ['饮品', '饮料'], scope: `饮料生产；食品销售${LICENSED}` },
      { code: 'C1392', label: '豆制品制造', weight: 1, words: ['豆制品', '食品'], scope: `食品生产；豆制品制造；食品销售${LICENSED}` },
    ],
  },
  {
    key: 'industrialProducts', domain: '中高风险工业产品生产', weight: 50, complaints: 0.6,
    pools: [{ department: 'SCJGJ', p: 1 }, { department: 'YJGLJ', p: 0.6 }, { department: 'STHJJ', p: 0.5 }],
    names: [COMPANY],
    industries: [
      { code: 'C2625', label: '有机肥料及微生物肥料制造', weight: 2, words: ['肥业', '生物科技'], scope: `肥料生产；复混肥料制造；肥料销售${LICENSED}` },
      { code: 'C2641', label: '涂料制造', weight: 1, words: ['涂料', '化工'], scope: `危险化学品生产；涂料制造（不含危险化学品）；化工产品销售${LICENSED}` },
      { code: 'C3831', label: '电线、电缆制造', weight: 2, words: ['电缆', '线缆'], scope: `电线、电缆制造；电线、电缆经营；货物进出口${LICENSED}` },
      { code: 'C2927', label: '日用塑料制品制造', weight: 2, words: ['塑料制品', '塑业'], scope: `塑料制品制造；食品用塑料包装容器工具制品生产${LICENSED}` },
      { code: 'C3021', label: '水泥制品制造', weight: 2, words: ['建材', '水泥制品'], scope: `水泥制品制造；建筑材料销售${LICENSED}` },
      { code: 'C3130', label: '钢压延加工', weight: 1, words: ['钢材', '金属制品'], scope: `建筑用钢筋产品生产；钢压延加工；金属材料销售${LICENSED}` },
      { code: 'C2021', label: '胶合板制造', weight: 1, words: ['木业', '板业'], scope: `人造板制造；木材加工；建筑用木料及木材组件加工${LICENSED}` },
    ],
  },
  {
    key: 'gasStation', domain: '加油站', weight: 15, complaints: 0.8,
    pools: [{ department: 'YJGLJ', p: 1 }, { department: 'SCJGJ', p: 0.8 }, { department: 'SWJ', p: 0.6 }, { department: 'STHJJ', p: 0.5 }],
    names: [
      { kind: 'company', weight: 4, template: '中国石化销售股份有限公司山东烟台{cityShort}{townShort}加油站' },
      { kind: 'company', weight: 2, template: '中国石油天然气股份有限公司山东烟台{cityShort}{zh}加油站' },
      { kind: 'company', weight: 3, template: '{city}{zh}石油{suffix}' },
      { kind: 'individual', weight: 1, template: '{city}{town}{zh}加油站' },
    ],
    industries: [
      { code: 'F5265', label: '机动车燃油零售', weight: 1, words: ['石油'], scope: `成品油零售（限危险化学品）；润滑油销售；日用百货销售${LICENSED}` },
    ],
  },
  {
    key: 'transport', domain: '不定时工作制企业', weight: 35, complaints: 0.7,
    pools: [{ department: 'RSJ', p: 1 }, { department: 'JTYSJ', p: 0.7 }, { department: 'SWUJ', p: 0.3 }],
    names: [COMPANY, { kind: 'individual', weight: 0.2, template: '{city}{town}{zh}货运部' }],
    industries: [
      { code: 'G5431', label: '普通货物道路运输', weight: 3, words: ['物流', '运输', '货运'], scope: `道路货物运输（不含危险货物）；国内货物运输代理；装卸搬运${LICENSED}` },
      { code: 'G5432', label: '冷藏车道路运输', weight: 1, words: ['冷链物流', '冷藏运输'], scope: `道路货物运输（不含危险货物）；低温仓储；冷链运输${LICENSED}` },
      { code: 'G6020', label: '快递服务', weight: 1, words: ['快递', '速递'], scope: `快递服务；国内货物运输代理${LICENSED}` },
    ],
  },
  {
    key: 'security', domain: '不定时工作制企业', weight: 10, complaints: 0.5,
    pools: [{ department: 'RSJ', p: 1 }, { department: 'GAJ', p: 0.8 }],
    names: [COMPANY],
    industries: [
      { code: 'L7271', label: '安全服务', weight: 1, words: ['保安服务', '安保服务'], scope: `保安服务；安全技术防范系统设计施工服务${LICENSED}` },
    ],
  },
  {
    key: 'catering', domain: '餐饮服务', weight: 220, complaints: 2.2,
    pools: [{ department: 'SCJGJ', p: 1 }, { department: 'ZHZFJ', p: 0.35 }, { department: 'STHJJ', p: 0.15 }],
    names: [
      { kind: 'individual', weight: 5, template: '{city}{town}{zh}{shop}' },
      { kind: 'individual', weight: 1.5, template: '{city}{town}{sur}记{shop}' },
      { kind: 'company', weight: 3.5, template: '{city}{zh}{word}{suffix}' },
    ],
    shops: ['饭店', '家常菜馆', '海鲜酒楼', '饺子馆', '烧烤店', '面馆', '快餐店', '小吃店', '排骨米饭', '鲅鱼水饺馆', '农家乐', '火锅店'],
    industries: [
      { code: 'H6210', label: '正餐服务', weight: 5, words: ['餐饮', '饭店', '酒店管理', '餐饮管理'], scope: `餐饮服务；食品销售；酒类经营${LICENSED}` },
      { code: 'H6220', label: '快餐服务', weight: 2, words: ['快餐', '餐饮管理'], scope: `餐饮服务；小餐饮、小食杂、食品小作坊经营${LICENSED}` },
      { code: 'H6291', label: '小吃服务', weight: 2, words: ['小吃', '餐饮'], scope: `小餐饮；食品销售（仅销售预包装食品）${LICENSED}` },
      { code: 'H6231', label: '茶馆服务', weight: 0.5, words: ['茶楼', '茶业'], scope: `茶馆服务；餐饮服务（不产生油烟、异味、废气）${LICENSED}` },
      { code: 'H6241', label: '餐饮配送服务', weight: 0.5, words: ['团餐', '餐饮配送'], scope: `餐饮服务；集体用餐配送；食品销售${LICENSED}` },
    ],
  },
  {
    key: 'hotel', domain: '宾馆酒店', weight: 50, complaints: 1.5,
    pools: [{ department: 'GAJ', p: 1 }, { department: 'WJJ', p: 0.7 }, { department: 'WLJ', p: 0.4 }, { department: 'SCJGJ', p: 0.3 }],
    names: [COMPANY, { kind: 'individual', weight: 0.7, template: '{city}{town}{zh}{shop}' }],
    shops: ['宾馆', '旅馆', '民宿', '招待所', '渔家乐'],
    industries: [
      { code: 'H6110', label: '旅游饭店', weight: 1, words: ['大酒店', '度假酒店', '国际酒店'], scope: `住宿服务；餐饮服务；洗浴服务；会议及展览服务${LICENSED}` },
      { code: 'H6121', label: '经济型连锁酒店', weight: 1, words: ['酒店管理', '快捷酒店'], scope: `住宿服务；酒店管理${LICENSED}` },
      { code: 'H6129', label: '其他一般旅馆', weight: 2, words: ['宾馆', '旅馆'], scope: `住宿服务${LICENSED}` },
      { code: 'H6130', label: '民宿服务', weight: 1, words: ['民宿', '旅游开发'], scope: `住宿服务；旅游开发项目策划咨询${LICENSED}` },
    ],
  },
  {
    key: 'industry', domain: '工业企业', weight: 120, complaints: 0.5,
    pools: [{ department: 'YJGLJ', p: 1 }, { department: 'STHJJ', p: 0.6 }, { department: 'TJJ', p: 0.3 }, { department: 'SWUJ', p: 0.3 }],
    names: [COMPANY],
    industries: [
      { code: 'C3311', label: '金属结构制造', weight: 2, words: ['钢结构', '金属结构'], scope: `金属结构制造；金属结构销售；建筑用金属配件制造${LICENSED}` },
      { code: 'C3484', label: '机械零部件加工', weight: 3, words: ['机械', '精密机械'], scope: `机械零件、零部件加工；通用设备制造；机械设备销售${LICENSED}` },
      { code: 'C3670', label: '汽车零部件及配件制造', weight: 2, words: ['汽车零部件', '汽车配件'], scope: `汽车零部件及配件制造；汽车零配件批发${LICENSED}` },
      { code: 'C1763', label: '针织或钩针编织品制造', weight: 2, words: ['针织', '毛衫'], scope: `针纺织品制造；服装制造；货物进出口${LICENSED}` },
      { code: 'C1810', label: '机织服装制造', weight: 2, words: ['服装', '服饰'], scope: `服装制造；服饰制造；服装服饰批发${LICENSED}` },
      { code: 'C2231', label: '纸和纸板容器制造', weight: 1, words: ['包装', '纸制品'], scope: `纸制品制造；包装材料及制品销售${LICENSED}` },
      { code: 'C3099', label: '其他非金属矿物制品制造', weight: 1, words: ['新材料', '建材'], scope: `非金属矿物制品制造；新材料技术研发${LICENSED}` },
      { code: 'C2439', label: '其他工艺美术及礼仪用品制造', weight: 1, words: ['工艺品', '工艺美术'], scope: `工艺美术品及礼仪用品制造；工艺美术品及收藏品零售${LICENSED}` },
    ],
  },
  {
    key: 'school', domain: '学校', weight: 30, complaints: 1.2,
    pools: [{ department: 'JYTYJ', p: 1 }, { department: 'WJJ', p: 0.6 }, { department: 'SCJGJ', p: 0.4 }, { department: 'GAJ', p: 0.3 }],
    names: [COMPANY],
    industries: [
      {
        code: 'P8310', label: '学前教育', weight: 3, words: ['幼儿园'], scope: '学前教育',
        names: [
          { kind: 'public', weight: 1, template: '{city}{town}中心幼儿园' },
          { kind: 'nonprofit', weight: 2, template: '{city}{zh}幼儿园' },
        ],
      },
      { code: 'P8321', label: '普通小学教育', weight: 2, words: ['小学'], scope: '实施小学义务教育', names: [{ kind: 'public', weight: 1, template: '{city}{town}中心小学' }, { kind: 'public', weight: 1, template: '{city}{town}{vil}小学' }] },
      { code: 'P8331', label: '普通初中教育', weight: 1, words: ['初级中学'], scope: '实施初中义务教育', names: [{ kind: 'public', weight: 1, template: '{city}{town}初级中学' }] },
      { code: 'P8334', label: '普通高中教育', weight: 0.5, words: ['中学'], scope: '实施普通高中学历教育', names: [{ kind: 'public', weight: 1, template: '{city}第{ord}中学' }] },
      { code: 'P8336', label: '中等职业学校教育', weight: 0.3, words: ['职业中等专业学校'], scope: '中等职业学历教育', names: [{ kind: 'public', weight: 1, template: '{city}职业中等专业学校' }, { kind: 'nonprofit', weight: 1, template: '{city}{zh}职业学校' }] },
      {
        code: 'P8393', label: '文化艺术培训', weight: 2, words: ['艺术培训', '文化艺术'], scope: `文化艺术培训（不含学科类培训）${LICENSED}`,
        names: [{ kind: 'company', weight: 1, template: '{city}{zh}{word}{suffix}' }, { kind: 'nonprofit', weight: 1, template: '{city}{zh}艺术培训学校' }],
      },
      {
        code: 'P8391', label: '职业技能培训', weight: 1, words: ['职业培训'], scope: `职业技能培训（不含需取得许可的项目）${LICENSED}`,
        names: [{ kind: 'nonprofit', weight: 1, template: '{city}{zh}职业培训学校' }],
      },
    ],
  },
  {
    key: 'construction', domain: '建筑施工', weight: 45, complaints: 0.8,
    pools: [{ department: 'ZJJ', p: 1 }, { department: 'ZHZFJ', p: 0.4 }, { department: 'RSJ', p: 0.3 }],
    names: [COMPANY],
    industries: [
      { code: 'E4710', label: '住宅房屋建筑', weight: 2, words: ['建筑工程', '建设工程', '建工'], scope: `建设工程施工；住宅室内装饰装修${LICENSED}` },
      { code: 'E4790', label: '其他房屋建筑业', weight: 1, words: ['建设', '建筑安装'], scope: `建设工程施工；建筑劳务分包${LICENSED}` },
      { code: 'E4910', label: '电气安装', weight: 1, words: ['电气安装', '机电工程'], scope: `输电、供电、受电电力设施的安装、维修和试验；电气安装服务${LICENSED}` },
    ],
  },
  {
    key: 'property', domain: '物业服务', weight: 30, complaints: 1.6,
    pools: [{ department: 'ZJJ', p: 1 }, { department: 'SWUJ', p: 0.3 }],
    names: [COMPANY],
    industries: [
      { code: 'K7010', label: '房地产开发经营', weight: 1, words: ['房地产开发', '置业'], scope: `房地产开发经营；房地产经纪${LICENSED}` },
      { code: 'K7020', label: '物业管理', weight: 2, words: ['物业管理', '物业服务'], scope: `物业管理；停车场服务；家政服务${LICENSED}` },
    ],
  },
  {
    key: 'vehicleRepair', domain: '机动车维修', weight: 35, complaints: 1.1,
    pools: [{ department: 'JTYSJ', p: 1 }, { department: 'STHJJ', p: 0.3 }],
    names: [COMPANY, { kind: 'individual', weight: 1.5, template: '{city}{town}{zh}{shop}' }],
    shops: ['汽车修理部', '汽修厂', '汽车美容店', '轮胎店'],
    industries: [
      { code: 'O8111', label: '汽车修理与维护', weight: 1, words: ['汽车维修', '汽车服务'], scope: `机动车修理和维护；汽车零配件零售；洗车服务${LICENSED}` },
    ],
  },
  {
    key: 'agriculture', domain: '农业生产', weight: 60, complaints: 0.4,
    pools: [{ department: 'NYNCJ', p: 1 }, { department: 'STHJJ', p: 0.2 }],
    names: [
      { kind: 'cooperative', weight: 7, template: '{city}{zh}{word}专业合作社' },
      { kind: 'company', weight: 3, template: '{city}{zh}农业科技{suffix}' },
    ],
    industries: [
      { code: 'A0151', label: '仁果类和核果类水果种植', weight: 3, words: ['苹果种植', '果品', '果蔬种植'], scope: `水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务${LICENSED}` },
      { code: 'A0141', label: '蔬菜种植', weight: 2, words: ['蔬菜种植', '果蔬'], scope: `蔬菜种植；农业专业及辅助性活动${LICENSED}` },
      { code: 'A0411', label: '海水养殖', weight: 2, words: ['海水养殖', '海产养殖', '海参养殖'], scope: `水产养殖；水产苗种生产；水产品收购${LICENSED}` },
      { code: 'A0313', label: '猪的饲养', weight: 1, words: ['生猪养殖', '畜牧养殖'], scope: `牲畜饲养；畜禽粪污处理利用${LICENSED}` },
    ],
  },
  {
    key: 'retail', domain: '商贸流通', weight: 110, complaints: 1.6,
    pools: [{ department: 'SCJGJ', p: 1 }, { department: 'SWJ', p: 0.25 }, { department: 'SWUJ', p: 0.2 }],
    names: [
      { kind: 'individual', weight: 6, template: '{city}{town}{zh}{shop}' },
      { kind: 'company', weight: 4, template: '{city}{zh}{word}{suffix}' },
    ],
    shops: ['超市', '便利店', '副食店', '商店', '水产店', '果蔬店', '购物中心', '粮油店'],
    industries: [
      { code: 'F5212', label: '超级市场零售', weight: 3, words: ['超市', '商贸', '购物广场'], scope: `食品销售；日用百货销售；烟草制品零售${LICENSED}` },
      { code: 'F5213', label: '便利店零售', weight: 2, words: ['便利店', '商贸'], scope: `食品销售（仅销售预包装食品）；日用品销售${LICENSED}` },
      { code: 'F5211', label: '百货零售', weight: 1, words: ['百货', '商贸'], scope: `日用百货销售；服装服饰零售；化妆品零售${LICENSED}` },
      { code: 'F5224', label: '肉、禽、蛋、奶及水产品零售', weight: 1, words: ['水产', '海鲜'], scope: `水产品零售；鲜肉零售；食品销售${LICENSED}` },
      { code: 'F5223', label: '果品、蔬菜零售', weight: 1, words: ['果蔬', '农产品'], scope: `新鲜水果零售；新鲜蔬菜零售${LICENSED}` },
    ],
  },
  {
    key: 'personalServices', domain: '居民服务', weight: 40, complaints: 1.4,
    pools: [{ department: 'WJJ', p: 1 }, { department: 'SWJ', p: 0.4 }, { department: 'SCJGJ', p: 0.3 }],
    names: [{ kind: 'individual', weight: 7, template: '{city}{town}{zh}{shop}' }, { kind: 'company', weight: 3, template: '{city}{zh}{word}{suffix}' }],
    shops: ['美容美发店', '理发店', '美甲店', '洗浴中心', '养生馆'],
    industries: [
      { code: 'O8040', label: '理发及美容服务', weight: 3, words: ['美容美发', '美业'], scope: `理发服务；生活美容服务${LICENSED}` },
      { code: 'O8051', label: '洗浴服务', weight: 1, words: ['洗浴', '温泉洗浴'], scope: `洗浴服务；足浴服务；餐饮服务${LICENSED}` },
    ],
  },
  {
    key: 'culture', domain: '文化娱乐', weight: 25, complaints: 1.3,
    pools: [{ department: 'WLJ', p: 1 }, { department: 'GAJ', p: 0.5 }, { department: 'WJJ', p: 0.2 }],
    names: [COMPANY, { kind: 'individual', weight: 0.6, template: '{city}{town}{zh}{shop}' }],
    shops: ['网吧', 'KTV', '歌舞厅'],
    industries: [
      { code: 'R9011', label: '歌舞厅娱乐活动', weight: 2, words: ['KTV', '娱乐', '文化娱乐'], scope: `歌舞娱乐活动；酒类经营${LICENSED}` },
      { code: 'R9013', label: '网吧活动', weight: 2, words: ['网咖', '网络会所'], scope: `互联网上网服务；食品销售（仅销售预包装食品）${LICENSED}` },
      { code: 'L7291', label: '旅行社及相关服务', weight: 1, words: ['旅行社', '国际旅行社'], scope: `旅游业务；旅游咨询服务；票务代理服务${LICENSED}` },
    ],
  },
  {
    key: 'health', domain: '医疗卫生', weight: 35, complaints: 1.3,
    pools: [{ department: 'WJJ', p: 1 }, { department: 'STHJJ', p: 0.4 }, { department: 'SCJGJ', p: 0.2 }],
    names: [COMPANY],
    industries: [
      { code: 'Q8423', label: '乡镇卫生院', weight: 1, words: ['卫生院'], scope: '预防保健、基本医疗、卫生管理', names: [{ kind: 'public', weight: 1, template: '{city}{town}卫生院' }] },
      {
        code: 'Q8425', label: '门诊部（所）', weight: 4, words: ['口腔门诊部', '中医门诊部', '医疗门诊部'], scope: `诊所服务；医疗服务${LICENSED}`,
        names: [{ kind: 'company', weight: 1, template: '{city}{zh}{word}{suffix}' }, { kind: 'individual', weight: 2, template: '{city}{town}{sur}{shop}' }],
        shops: ['诊所', '中医诊所', '口腔诊所', '西医内科诊所'],
      },
      { code: 'Q8411', label: '综合医院', weight: 0.5, words: ['医院'], scope: `医疗服务；健康咨询服务${LICENSED}`, names: [{ kind: 'company', weight: 1, template: '{city}{zh}医院{suffix}' }] },
    ],
  },
  {
    key: 'legal', domain: '法律服务', weight: 6, complaints: 0.5,
    pools: [{ department: 'SFJ', p: 1 }],
    names: [COMPANY],
    industries: [
      { code: 'L7221', label: '律师及相关法律服务', weight: 4, words: ['律师事务所'], scope: '律师业务', names: [{ kind: 'lawFirm', weight: 1, template: '山东{zh}律师事务所' }, { kind: 'lawFirm', weight: 1, template: '山东{zh}（{cityShort}）律师事务所' }] },
      { code: 'L7229', label: '其他法律服务', weight: 1, words: ['司法鉴定所'], scope: '法医临床鉴定；文书鉴定；痕迹鉴定', names: [{ kind: 'appraisal', weight: 1, template: '{city}{zh}司法鉴定所' }] },
    ],
  },
  {
    key: 'grain', domain: '粮食流通', weight: 10, complaints: 0.3,
    pools: [{ department: 'FGJ', p: 1 }, { department: 'SCJGJ', p: 0.3 }],
    names: [COMPANY],
    industries: [
      { code: 'G5951', label: '谷物仓储', weight: 2, words: ['粮油储备', '粮食储运', '粮库'], scope: `粮食收购；谷物仓储；粮油仓储服务${LICENSED}` },
      { code: 'C1310', label: '谷物磨制', weight: 1, words: ['面粉', '粮油'], scope: `粮食加工食品生产；粮食收购；谷物磨制${LICENSED}` },
    ],
  },
];

/** Sub-pools (分库) by department and domain; targets of a sector with that domain join them too. */
export const SUB_POOLS: { department: string; domain: string }[] = [
  { department: 'SCJGJ', domain: '食品生产' },
  { department: 'SCJGJ', domain: '中高风险工业产品生产' },
  { department: 'SCJGJ', domain: '餐饮服务' },
  { department: 'YJGLJ', domain: '加油站' },
  { department: 'YJGLJ', domain: '工业企业' },
  { department: 'WJJ', domain: '学校' },
  { department: 'STHJJ', domain: '工业企业' },
];
