// The 17 member departments of the joint meeting (海阳市部门联合“双随机、一公开”监管工作联席会议,
// seed 001 附件2 三), in the order the plan lists them. 市场监管局 hosts the office (联席会议办公室).
// Liaison names and phone numbers are invented for the demo.

export interface DemoDepartment {
  /** Stable code used in item codes, task codes and certificate numbers. */
  code: string;
  name: string;
  shortName: string;
  isOfficeHost?: boolean;
  liaisonName: string;
  liaisonPhone: string;
  /** Two-digit number used inside certificate numbers (执法证号). */
  no: string;
  /** Enforcement staff in the demo (the office host has most). */
  inspectors: number;
  /** Third-party experts (第三方专家) attached to the department's inspector pool. */
  experts: number;
  /** Expertise tags (业务专长) its inspectors are labelled with. */
  expertise: string[];
  /** Qualifications (执法资格) besides the enforcement certificate. */
  qualifications: string[];
}

export const DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'FGJ', name: '海阳市发展和改革局', shortName: '发改局', liaisonName: '孙立明', liaisonPhone: '0535-3221016', no: '01',
    inspectors: 4, experts: 0,
    expertise: ['粮食流通', '价格监督', '固定资产投资项目', '节能审查'],
    qualifications: ['粮食流通监督检查'],
  },
  {
    code: 'JYTYJ', name: '海阳市教育和体育局', shortName: '教体局', liaisonName: '刘晓燕', liaisonPhone: '0535-3222318', no: '02',
    inspectors: 6, experts: 0,
    expertise: ['民办学校', '校外培训机构', '校园安全', '体育经营场所'],
    qualifications: ['教育督导'],
  },
  {
    code: 'GAJ', name: '海阳市公安局', shortName: '公安局', liaisonName: '于海涛', liaisonPhone: '0535-3223110', no: '03',
    inspectors: 8, experts: 0,
    expertise: ['旅馆业治安', '娱乐场所治安', '消防监督', '校园安保', '危险物品管理'],
    qualifications: ['人民警察证', '消防监督检查'],
  },
  {
    code: 'SFJ', name: '海阳市司法局', shortName: '司法局', liaisonName: '姜文静', liaisonPhone: '0535-3224405', no: '04',
    inspectors: 4, experts: 0,
    expertise: ['律师事务所监管', '司法鉴定', '公证', '基层法律服务'],
    qualifications: ['法律职业资格'],
  },
  {
    code: 'RSJ', name: '海阳市人力资源和社会保障局', shortName: '人社局', liaisonName: '王秀梅', liaisonPhone: '0535-3225221', no: '05',
    inspectors: 6, experts: 0,
    expertise: ['劳动保障监察', '特殊工时制度', '工资支付', '劳动合同', '人力资源市场'],
    qualifications: ['劳动保障监察员'],
  },
  {
    code: 'ZJJ', name: '海阳市住房和城乡建设管理局', shortName: '住建局', liaisonName: '孙志刚', liaisonPhone: '0535-3226137', no: '06',
    inspectors: 6, experts: 1,
    expertise: ['建筑施工安全', '工程质量', '物业服务', '房地产开发', '燃气安全'],
    qualifications: ['建设工程质量安全监督'],
  },
  {
    code: 'JTYSJ', name: '海阳市交通运输局', shortName: '交通局', liaisonName: '王建国', liaisonPhone: '0535-3227062', no: '07',
    inspectors: 7, experts: 0,
    expertise: ['道路运输', '机动车维修', '驾驶员培训', '危险货物运输'],
    qualifications: ['交通运输行政执法证'],
  },
  {
    code: 'NYNCJ', name: '海阳市农业农村局', shortName: '农业农村局', liaisonName: '孙丽华', liaisonPhone: '0535-3228290', no: '08',
    inspectors: 6, experts: 1,
    expertise: ['农产品质量安全', '农药经营', '种子经营', '兽药饲料', '农民专业合作社'],
    qualifications: ['农业综合行政执法'],
  },
  {
    code: 'SWJ', name: '海阳市商务局', shortName: '商务局', liaisonName: '王晓丽', liaisonPhone: '0535-3229153', no: '09',
    inspectors: 5, experts: 0,
    expertise: ['成品油流通', '单用途预付卡', '再生资源回收', '报废机动车回收'],
    qualifications: ['商务行政执法'],
  },
  {
    code: 'WLJ', name: '海阳市文化和旅游局', shortName: '文旅局', liaisonName: '高晓东', liaisonPhone: '0535-3231076', no: '10',
    inspectors: 6, experts: 0,
    expertise: ['娱乐场所', '网吧', '旅行社', '星级饭店', '出版物市场'],
    qualifications: ['文化市场综合执法'],
  },
  {
    code: 'WJJ', name: '海阳市卫生健康局', shortName: '卫健局', liaisonName: '隋红梅', liaisonPhone: '0535-3232120', no: '11',
    inspectors: 8, experts: 1,
    expertise: ['公共场所卫生', '学校卫生', '生活饮用水', '医疗机构执业', '职业卫生'],
    qualifications: ['卫生监督员证'],
  },
  {
    code: 'YJGLJ', name: '海阳市应急管理局', shortName: '应急管理局', liaisonName: '修振华', liaisonPhone: '0535-3233119', no: '12',
    inspectors: 10, experts: 3,
    expertise: ['危险化学品', '工贸行业安全', '粉尘防爆', '有限空间作业', '安全生产培训', '应急预案'],
    qualifications: ['安全生产行政执法证'],
  },
  {
    code: 'SCJGJ', name: '海阳市市场监督管理局', shortName: '市场监管局', isOfficeHost: true, liaisonName: '董雪莹', liaisonPhone: '0535-3234315', no: '13',
    inspectors: 26, experts: 4,
    expertise: ['食品生产', '食品经营', '餐饮服务', '特种设备', '工业产品质量', '计量', '广告', '价格', '企业公示信息', '药品医疗器械', '知识产权'],
    qualifications: ['食品安全监管', '特种设备安全监察员', '计量监督', '市场监管综合执法'],
  },
  {
    code: 'ZHZFJ', name: '海阳市综合行政执法局', shortName: '综合行政执法局', liaisonName: '胡晓光', liaisonPhone: '0535-3235208', no: '14',
    inspectors: 8, experts: 0,
    expertise: ['餐饮油烟', '建筑工地扬尘', '户外广告', '市容环境', '城市道路占用'],
    qualifications: ['城市管理综合执法'],
  },
  {
    code: 'TJJ', name: '海阳市统计局', shortName: '统计局', liaisonName: '修晓宁', liaisonPhone: '0535-3236041', no: '15',
    inspectors: 4, experts: 0,
    expertise: ['统计执法', '规模以上工业统计', '统计台账'],
    qualifications: ['统计执法证'],
  },
  {
    code: 'SWUJ', name: '国家税务总局海阳市税务局', shortName: '税务局', liaisonName: '栾海燕', liaisonPhone: '0535-3237366', no: '16',
    inspectors: 8, experts: 0,
    expertise: ['发票管理', '纳税评估', '税收风险管理', '社会保险费征缴'],
    qualifications: ['税务稽查'],
  },
  {
    code: 'STHJJ', name: '烟台市生态环境局海阳分局', shortName: '生态环境局', liaisonName: '初晓峰', liaisonPhone: '0535-3238012', no: '17',
    inspectors: 8, experts: 2,
    expertise: ['排污许可', '大气污染防治', '水污染防治', '危险废物', '油气回收', '医疗废物'],
    qualifications: ['生态环境执法证'],
  },
];

export const OFFICE_HOST_CODE = 'SCJGJ';
