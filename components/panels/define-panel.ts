import type { ComponentType } from 'react';
import type { CustomerView } from '@/lib/messaging/views';

export interface PanelProps {
  view: CustomerView;
  now: number;
  agent?: string;
}

/** A section of the customer card. The file name is the panel id; order in the registry is display order. */
export interface Panel {
  id: string;
  title: string;
  Component: ComponentType<PanelProps>;
}

export const definePanel = (p: Panel): Panel => p;
