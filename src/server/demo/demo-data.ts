import type { Role } from '../../shared/roles.js';

/**
 * The demo organisation: a fictional prefecture-level city, 江川市, shaped like a real one so that
 * demos, screenshots and manual testing look like the documents users know. Plain data only.
 */

/** The one password every demo account shares; printed by `luoshi demo`. */
export const DEMO_PASSWORD = 'luoshi-demo-2026';

/** A unit of the demo organisation. `key` lets people (and tests) refer to it. */
export interface DemoUnit {
  key?: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  children?: DemoUnit[];
}

/** A demo person. `unit` and `inCharge` hold unit keys. */
export interface DemoPerson {
  username: string;
  displayName: string;
  unit: string;
  roles: Role[];
  inCharge?: string[];
}

const subs = (...names: string[]): DemoUnit[] => names.map((name) => ({ name }));

/** The city's working departments, in the order of the city's official list (政府工作部门). */
const BUREAUS: DemoUnit[] = [
  {
    key: 'fgw',
    name: '市发展和改革委员会',
    shortName: '市发改委',
    aliases: ['市发展改革委'],
    children: subs('办公室', '规划科', '固定资产投资科'),
  },
  { key: 'jyj', name: '市教育局', children: subs('办公室', '基础教育科') },
  { key: 'kjj', name: '市科学技术局', shortName: '市科技局', children: subs('办公室', '科技创新科') },
  {
    key: 'gxj',
    name: '市工业和信息化局',
    shortName: '市工信局',
    aliases: ['市工业信息化局'],
    children: subs('办公室', '产业发展科', '中小企业科'),
  },
  { key: 'gaj', name: '市公安局', children: subs('办公室', '治安管理支队', '交通警察支队') },
  { key: 'mzj', name: '市民政局', children: subs('办公室', '社会救助科') },
  { key: 'czj', name: '市财政局', children: subs('办公室', '预算科', '国库科') },
  {
    key: 'rsj',
    name: '市人力资源和社会保障局',
    shortName: '市人社局',
    aliases: ['市人力社保局'],
    children: subs('办公室', '就业促进科'),
  },
  {
    key: 'zrzyj',
    name: '市自然资源和规划局',
    shortName: '市自然资源规划局',
    aliases: ['市资规局'],
    children: subs('办公室', '国土空间规划科', '耕地保护监督科'),
  },
  { key: 'sthjj', name: '市生态环境局', children: subs('办公室', '大气环境科', '水生态环境科') },
  {
    key: 'zjj',
    name: '市住房和城乡建设局',
    shortName: '市住建局',
    aliases: ['市住房城乡建设局'],
    children: subs('办公室', '城市建设科', '房地产市场监管科'),
  },
  { key: 'jtj', name: '市交通运输局', shortName: '市交通局', children: subs('办公室', '综合规划科') },
  { key: 'slj', name: '市水利局', children: subs('办公室', '河湖管理科') },
  { key: 'nyncj', name: '市农业农村局', aliases: ['市农业局'], children: subs('办公室', '乡村产业发展科') },
  { key: 'swj', name: '市商务局', children: subs('办公室', '对外贸易科') },
  {
    key: 'wglj',
    name: '市文化广电旅游局',
    shortName: '市文广旅局',
    aliases: ['市文化广电和旅游局', '市文旅局'],
    children: subs('办公室', '旅游发展科'),
  },
  {
    key: 'wjw',
    name: '市卫生健康委员会',
    shortName: '市卫健委',
    aliases: ['市卫生健康委'],
    children: subs('办公室', '医政医管科', '疾病预防控制科'),
  },
  { key: 'yjj', name: '市应急管理局', shortName: '市应急局', children: subs('办公室', '安全生产综合协调科') },
  {
    key: 'scjgj',
    name: '市市场监督管理局',
    shortName: '市市场监管局',
    children: subs('办公室', '食品安全协调科'),
  },
  { key: 'sjj', name: '市数据局', aliases: ['市大数据局'], children: subs('办公室', '数据资源科', '数字基础设施科') },
  { key: 'sfj', name: '市司法局', children: subs('办公室') },
  { key: 'tjj', name: '市统计局', children: subs('办公室') },
  { key: 'shenji', name: '市审计局', children: subs('办公室') },
];

/** A district or county government with its office, supervision office and a few bureaus. */
function localGovernment(key: string, place: string, level: '区' | '县', bureaus: DemoUnit[]): DemoUnit {
  return {
    key,
    name: `${place}人民政府`,
    shortName: `${place}政府`,
    aliases: [place],
    children: [
      {
        key: `${key}.office`,
        name: `${place}人民政府办公室`,
        shortName: `${place}政府办`,
        children: [{ key: `${key}.dcs`, name: `${place}政府督查室`, aliases: [`${level}政府督查室`] }],
      },
      ...bureaus,
    ],
  };
}

/** The whole demo tree: the city government, and the discipline inspection commission beside it. */
export const DEMO_ORGANISATION: DemoUnit[] = [
  {
    key: 'city',
    name: '江川市人民政府',
    shortName: '江川市政府',
    aliases: ['市政府'],
    children: [
      {
        key: 'office',
        name: '市政府办公室',
        shortName: '市府办',
        aliases: ['市政府办'],
        children: [
          { key: 'office.mishu', name: '秘书科' },
          { key: 'office.zonghe', name: '综合科' },
          { key: 'office.it', name: '信息科' },
          { key: 'dcs', name: '市政府督查室', shortName: '督查室', aliases: ['市督查室'] },
        ],
      },
      ...BUREAUS,
      localGovernment('jcq', '江川区', '区', [
        { name: '江川区发展和改革局', shortName: '江川区发改局' },
        { name: '江川区住房和城乡建设局', shortName: '江川区住建局' },
        { name: '江川区教育局' },
      ]),
      localGovernment('lhq', '临湖区', '区', [
        { name: '临湖区发展和改革局', shortName: '临湖区发改局' },
        { name: '临湖区卫生健康局', shortName: '临湖区卫健局' },
      ]),
      localGovernment('qsx', '青山县', '县', [
        { name: '青山县农业农村局' },
        { name: '青山县水利局' },
        { name: '青山县教育局' },
      ]),
      localGovernment('sqx', '石桥县', '县', [{ name: '石桥县农业农村局' }, { name: '石桥县交通运输局' }]),
      {
        key: 'jkq',
        name: '江川经济技术开发区管理委员会',
        shortName: '江川经开区管委会',
        aliases: ['经开区管委会'],
        children: subs('党政办公室', '经济发展局'),
      },
    ],
  },
  {
    key: 'jiwei',
    name: '江川市纪委监委',
    aliases: ['中共江川市纪律检查委员会', '江川市监察委员会', '市纪委监委'],
    children: [
      { key: 'jiwei.room1', name: '第一监督检查室' },
      { key: 'jiwei.fengqi', name: '党风政风监督室' },
    ],
  },
];

const leaders: DemoPerson[] = [
  { username: 'mayor', displayName: '林正清', unit: 'city', roles: ['leader'], inCharge: ['city', 'shenji'] },
  {
    username: 'vice.mayor.wang',
    displayName: '王志强',
    unit: 'city',
    roles: ['leader'],
    inCharge: ['fgw', 'gxj', 'czj', 'rsj', 'swj', 'sjj', 'tjj'],
  },
  {
    username: 'vice.mayor.liu',
    displayName: '刘晓燕',
    unit: 'city',
    roles: ['leader'],
    inCharge: ['jyj', 'kjj', 'mzj', 'wglj', 'wjw'],
  },
  {
    username: 'vice.mayor.zhao',
    displayName: '赵国栋',
    unit: 'city',
    roles: ['leader'],
    inCharge: ['zrzyj', 'sthjj', 'zjj', 'jtj', 'slj', 'nyncj', 'yjj', 'scjgj'],
  },
  { username: 'vice.mayor.zhang', displayName: '张卫东', unit: 'city', roles: ['leader'], inCharge: ['gaj', 'sfj'] },
  { username: 'secretary.general', displayName: '孙立平', unit: 'office', roles: ['leader'], inCharge: ['office'] },
  { username: 'jcq.quzhang', displayName: '周海波', unit: 'jcq', roles: ['leader'], inCharge: ['jcq'] },
  { username: 'qsx.xianzhang', displayName: '田永福', unit: 'qsx', roles: ['leader'], inCharge: ['qsx'] },
];

const centre: DemoPerson[] = [
  { username: 'admin.zhou', displayName: '周信', unit: 'office.it', roles: ['admin'] },
  { username: 'office.head', displayName: '郑文涛', unit: 'office', roles: ['unit_head'] },
  { username: 'office.staff', displayName: '钱晓雯', unit: 'office.mishu', roles: ['unit_staff'] },
  { username: 'duchashi.li', displayName: '李明', unit: 'dcs', roles: ['supervisor', 'unit_head'] },
  { username: 'duchashi.chen', displayName: '陈静', unit: 'dcs', roles: ['supervisor'] },
  { username: 'duchashi.he', displayName: '何晓峰', unit: 'dcs', roles: ['supervisor'] },
  { username: 'jiwei.zhou', displayName: '周正', unit: 'jiwei.room1', roles: ['auditor'] },
  { username: 'jiwei.wu', displayName: '吴清', unit: 'jiwei.fengqi', roles: ['auditor'] },
];

/** Head (局长/主任) and liaison officer (联络员) of each unit, as [unit key, head, staff or ''] . */
const UNIT_PEOPLE: Array<[string, string, string]> = [
  ['fgw', '周建国', '吴敏'],
  ['jyj', '郑海燕', '冯磊'],
  ['kjj', '陈志远', '褚佳'],
  ['gxj', '卫东升', '蒋涛'],
  ['gaj', '沈国华', '韩冰'],
  ['mzj', '杨秀英', '朱丽'],
  ['czj', '秦伟', '尤佳'],
  ['rsj', '许红梅', '何静'],
  ['zrzyj', '吕建平', '施洋'],
  ['sthjj', '张清源', '孔娜'],
  ['zjj', '曹建华', '严宇'],
  ['jtj', '华宏', '金波'],
  ['slj', '魏江', '陶然'],
  ['nyncj', '姜丰', '戚文'],
  ['swj', '谢文斌', '邹琳'],
  ['wglj', '喻晓', '柏雪'],
  ['wjw', '章建明', '苏晴'],
  ['yjj', '潘安国', '葛亮'],
  ['scjgj', '范正', '彭程'],
  ['sjj', '鲁明哲', '韦琪'],
  ['sfj', '马正义', ''],
  ['tjj', '方立', ''],
  ['shenji', '任国平', ''],
  ['jcq.office', '罗建新', '邓欣'],
  ['lhq.office', '梁志刚', '宋雨'],
  ['qsx.office', '唐国庆', '许丹'],
  ['sqx.office', '董立', '袁芳'],
  ['jkq', '江涛', ''],
];

/** Username prefix of a unit key: `jcq.office` → `jcq`. */
const prefix = (key: string) => key.split('.')[0] as string;

/** Every demo person: leaders, the general and supervision offices, auditors, then each unit's people. */
export const DEMO_PEOPLE: DemoPerson[] = [
  ...leaders,
  ...centre,
  ...UNIT_PEOPLE.flatMap(([unit, head, staff]): DemoPerson[] => [
    { username: `${prefix(unit)}.head`, displayName: head, unit, roles: ['unit_head'] },
    ...(staff
      ? [{ username: `${prefix(unit)}.staff`, displayName: staff, unit, roles: ['unit_staff'] as Role[] }]
      : []),
  ]),
];
