import type { ThemeConfig } from 'antd';

/** Sober colours for a government office: a deep official blue, the seal red kept for the logo. */
export const BRAND_RED = '#b3261e';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif",
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6, itemSelectedBg: '#e6eef9', itemSelectedColor: '#1d4f91' },
    Tree: { nodeSelectedBg: '#e6eef9', nodeHoverBg: '#f0f4fa' },
    TreeSelect: { nodeSelectedBg: '#e6eef9', nodeHoverBg: '#f0f4fa' },
  },
};
