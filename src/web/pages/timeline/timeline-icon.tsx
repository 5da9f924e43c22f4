import {
  AlertOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FormOutlined,
  LineChartOutlined,
  PaperClipOutlined,
  PlusCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type TimelineKind, timelineColor, timelineKind } from './timeline-events.js';

const KIND_ICONS: Record<TimelineKind, ReactNode> = {
  status: <FlagOutlined />,
  plan: <FileDoneOutlined />,
  report: <FormOutlined />,
  file: <PaperClipOutlined />,
  closure: <CheckSquareOutlined />,
  supervision: <AlertOutlined />,
  task: <EditOutlined />,
};

const ACTION_ICONS: Partial<Record<string, ReactNode>> = {
  create: <PlusCircleOutlined />,
  progress: <LineChartOutlined />,
  report_cycle: <SyncOutlined />,
};

const COLORS: Record<string, string> = {
  blue: '#1d4f91',
  cyan: '#08979c',
  green: '#389e0d',
  red: '#cf1322',
  orange: '#d46b08',
  purple: '#722ed1',
  gray: '#8c8c8c',
};

/** The icon of a timeline entry, coloured by what it means (accepted green, returned red…). */
export function TimelineIcon({ action }: { action: string }) {
  const color = COLORS[timelineColor(action)] ?? COLORS.gray;
  return (
    <span style={{ color, fontSize: 16 }} aria-hidden>
      {ACTION_ICONS[action] ?? KIND_ICONS[timelineKind(action)]}
    </span>
  );
}
