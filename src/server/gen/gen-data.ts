/**
 * Word lists for the synthetic organisation and task forest (`luoshi gen`): a fictional city,
 * 云河市, with the departments, districts and phrases of real 任务分解表, so that lists, search
 * and screenshots look like the documents users know. Plain data only.
 */

/** The generated organisation's root unit; a second run finds it by this name. */
export const GEN_CITY = '云河市';

/** Usernames of generated people: `sup.0001`, `staff.00001`, … (see gen-organisation.ts). */
export const GEN_USERNAME_PREFIX = {
  leader: 'leader.',
  supervisor: 'sup.',
  auditor: 'auditor.',
  unitHead: 'head.',
  unitStaff: 'staff.',
} as const;

/** City departments (市政府工作部门); the first two host the supervisors and the auditors. */
export const CITY_BUREAUS = [
  '市政府办公室',
  '市纪委监委',
  '市发展和改革委员会',
  '市教育局',
  '市科学技术局',
  '市工业和信息化局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源和社会保障局',
  '市自然资源和规划局',
  '市生态环境局',
  '市住房和城乡建设局',
  '市城市管理局',
  '市交通运输局',
  '市水利局',
  '市农业农村局',
  '市商务局',
  '市文化广电旅游局',
  '市卫生健康委员会',
  '市退役军人事务局',
  '市应急管理局',
  '市审计局',
  '市国有资产监督管理委员会',
  '市市场监督管理局',
  '市体育局',
  '市统计局',
  '市医疗保障局',
  '市林业局',
  '市行政审批服务局',
  '市大数据局',
  '市信访局',
  '市投资促进局',
  '市地方金融管理局',
  '市粮食和物资储备局',
  '市住房公积金管理中心',
  '市机关事务管理局',
  '市人民防空办公室',
  '市乡村振兴局',
  '市供销合作社',
  '市消防救援支队',
  '市税务局',
  '市气象局',
  '市档案馆',
] as const;

/** Counties and districts (县区), and the development zones run like them. */
export const DISTRICTS = [
  '云中区',
  '河东区',
  '河西区',
  '南湖区',
  '北塘区',
  '青石县',
  '白沙县',
  '龙泉市',
  '高新技术产业开发区',
  '经济技术开发区',
  '临港新区',
  '桃源县',
  '金山县',
  '凤鸣区',
  '松溪县',
] as const;

/** Departments of a county or district government (区县政府工作部门), without the 区/县 prefix. */
export const DISTRICT_BUREAUS = [
  '发展和改革局',
  '教育局',
  '科学技术和工业信息化局',
  '公安分局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境分局',
  '住房和城乡建设局',
  '城市管理局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化旅游体育局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '医疗保障局',
  '行政审批局',
  '信访局',
] as const;

/** Two-character place names for streets (街道) and towns (镇). */
export const PLACE_NAMES = [
  '东城',
  '西城',
  '南门',
  '北关',
  '城关',
  '新华',
  '解放',
  '人民',
  '和平',
  '长安',
  '文昌',
  '观澜',
  '桂花',
  '梅岭',
  '柳营',
  '杏坛',
  '石桥',
  '清水',
  '白鹭',
  '云岭',
  '龙湾',
  '凤凰',
  '金沙',
  '银湖',
  '玉泉',
  '望江',
  '临溪',
  '丰乐',
  '太平',
  '永兴',
  '大同',
  '安宁',
  '双井',
  '马坡',
  '高桥',
  '花园',
  '竹林',
  '古镇',
  '新塘',
  '黄田',
] as const;

/** Sections (内设科室) of a department. */
export const SECTIONS = [
  '办公室',
  '综合科',
  '规划科',
  '政策法规科',
  '财务审计科',
  '人事科',
  '项目管理科',
  '安全监督科',
  '行政审批科',
  '督查考核科',
  '宣传教育科',
  '信息中心',
  '执法大队',
  '服务中心',
] as const;

/** Common surnames and characters of given names, for people's display names. */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
export const GIVEN_NAME_CHARS = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉鹏飞玲燕婷雪梅斌宇浩然欣怡晨曦子涵思远海波丹凤春雨俊峰嘉琪雅琴立新永庆德胜',
];

/** Verbs that open a task title (推进/加快/落实 …). */
export const TITLE_VERBS = [
  '推进',
  '加快推进',
  '全面推进',
  '扎实推进',
  '统筹推进',
  '持续推进',
  '落实',
  '全面落实',
  '抓好',
  '做好',
  '完成',
  '深化',
  '开展',
  '实施',
  '组织实施',
  '加强',
  '优化',
  '提升',
  '建立健全',
  '督促落实',
] as const;

/** Where the work happens. */
export const TITLE_PLACES = [
  '',
  '',
  '',
  '城东片区',
  '云河新区',
  '高新区',
  '经开区',
  '老城区',
  '滨江路沿线',
  '北部山区',
  '中心城区',
  '临港产业园',
  '各县（市、区）',
  '农村地区',
  '重点流域',
  '南湖片区',
  '西部新城',
  '火车站周边',
  '机场新区',
] as const;

/** What the work is about. */
export const TITLE_OBJECTS = [
  '老旧小区改造',
  '城中村改造',
  '棚户区改造',
  '雨污分流改造',
  '供热管网改造',
  '燃气管道更新改造',
  '农贸市场提升改造',
  '背街小巷整治',
  '黑臭水体治理',
  '大气污染防治',
  '高标准农田建设',
  '乡村振兴示范村建设',
  '地下综合管廊建设',
  '轨道交通建设',
  '城市快速路建设',
  '保障性租赁住房建设',
  '5G基站建设',
  '智慧城市建设',
  '数字政府建设',
  '营商环境优化',
  '招商引资',
  '重大项目建设',
  '中小学校舍建设',
  '养老服务体系建设',
  '医疗卫生服务体系建设',
  '公共文化设施建设',
  '河湖长制落实',
  '安全生产专项整治',
  '消防安全隐患排查整治',
  '食品安全监管',
  '政务服务“一网通办”',
  '就业创业扶持',
  '生活垃圾分类',
  '矿山生态修复',
  '森林防火',
  '防汛抗旱',
  '耕地保护',
  '停车设施建设',
  '公园绿地建设',
  '历史文化街区保护',
  '口袋公园建设',
  '新能源汽车充电桩建设',
  '农村饮水安全巩固提升',
  '产业园区标准化厂房建设',
  '科技型中小企业培育',
  '文明城市创建',
  '社区养老服务中心建设',
  '学前教育普惠发展',
  '城乡客运一体化',
  '电子证照应用推广',
] as const;

/** What closes a task title (工作/项目/工程 …; sometimes nothing). */
export const TITLE_SUFFIXES = [
  '工作',
  '工作',
  '项目',
  '工程',
  '专项行动',
  '三年行动计划',
  '攻坚行动',
  '试点',
  '',
] as const;

/** Steps a task is decomposed into (subtask titles: `<object>：<step>`). */
export const SUBTASK_STEPS = [
  '制定实施方案',
  '开展前期调研',
  '完成可行性研究报告编制',
  '完成立项审批',
  '完成土地征收和房屋征收',
  '完成施工招标',
  '开工建设',
  '完成主体工程',
  '完成竣工验收',
  '召开推进会',
  '开展督导检查',
  '完成资金拨付',
  '编制年度计划',
  '建立工作台账',
  '完成第一批任务',
  '完成第二批任务',
  '开展群众满意度调查',
  '健全长效管理机制',
  '完成绩效评价',
  '报送阶段性进展情况',
  '组织专家论证',
  '完成设计方案审查',
  '落实配套资金',
  '开展业务培训',
  '完成信息系统上线',
] as const;

/** Sentences for descriptions. */
export const DESCRIPTION_GOALS = [
  '确保年底前全面完成',
  '力争提前一个月完成',
  '年内完成投资五亿元以上',
  '实现群众满意度百分之九十以上',
  '形成可复制可推广的经验做法',
  '确保按时间节点高质量完成',
  '年底前完成全部建设任务',
  '年内惠及居民一万余户',
] as const;

/** Sentences on how the work is to be done. */
export const DESCRIPTION_MEASURES = [
  '牵头单位要细化任务分工，明确时间节点，压实工作责任',
  '各配合单位要主动对接，形成工作合力，杜绝推诿扯皮',
  '每月底前报送工作进展情况、存在问题和下一步措施',
  '建立周调度、月通报工作机制，对滞后事项及时督办',
  '加强资金保障和要素支撑，及时协调解决重大问题',
  '注重实效，防止形式主义和走过场',
] as const;

/** Task categories and tags. */
export const CATEGORIES = [
  '经济发展',
  '城市建设',
  '民生保障',
  '生态环保',
  '改革创新',
  '安全稳定',
  '乡村振兴',
  '社会治理',
] as const;
export const TAGS = ['民生实事', '重点项目', '人大建议', '政协提案', '省考指标', '年度目标', '群众关切'] as const;

/** Titles of sources (来源), by kind. */
export const SOURCE_TITLES: Record<string, readonly string[]> = {
  work_report: ['年市政府工作报告', '年政府工作报告重点任务分解'],
  meeting: ['市政府常务会议纪要', '市委常委会会议纪要', '全市重点项目推进会议纪要'],
  decision: ['关于加快建设现代化产业体系的决定', '关于深化“放管服”改革的决定'],
  instruction: ['市长批示件', '分管副市长批示件'],
  document: ['关于印发实施方案的通知', '关于进一步加强督查督办工作的通知', '关于做好民生实事项目的通知'],
  proposal: ['市人大代表建议', '市政协委员提案'],
  other: ['群众来信反映事项', '上级督查反馈问题'],
};

/** What a cooperating unit's part (配合内容) says. */
export const UNIT_PARTS = [
  '负责资金保障',
  '负责用地保障',
  '配合做好审批手续办理',
  '负责宣传引导',
  '配合开展督导检查',
  '负责技术指导',
  '提供数据支撑',
  '配合做好征地拆迁',
] as const;
