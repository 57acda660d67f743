/**
 * TanStack Query keys and options for customer data. Every queryFn goes through the typed
 * messenger; components never talk to the background directly.
 */
import { queryOptions } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import type { Identity } from '@/lib/schemas/records';

export const customerKeys = {
  all: ['customers'] as const,
  lookup: (identity: Identity) => [...customerKeys.all, 'lookup', identity] as const,
  view: (customerId: string) => [...customerKeys.all, 'view', customerId] as const,
  search: (q: string) => [...customerKeys.all, 'search', q] as const,
  merges: (customerId: string) => [...customerKeys.all, 'merges', customerId] as const,
  toConfirm: (customerId: string) => [...customerKeys.all, 'to-confirm', customerId] as const,
  facts: (customerId: string) => [...customerKeys.all, 'facts', customerId] as const,
  followUps: () => [...customerKeys.all, 'follow-ups'] as const,
};

export const customerQueries = {
  lookup: (identity: Identity) =>
    queryOptions({
      queryKey: customerKeys.lookup(identity),
      queryFn: () => send('lookupCustomer', { identity }),
      enabled: Object.keys(identity).length > 0,
    }),
  view: (customerId: string) =>
    queryOptions({ queryKey: customerKeys.view(customerId), queryFn: () => send('getCustomerView', { customerId }) }),
  search: (q: string) =>
    queryOptions({ queryKey: customerKeys.search(q), queryFn: () => send('searchCustomers', { q }), enabled: q.trim().length >= 2 }),
  merges: (customerId: string) =>
    queryOptions({ queryKey: customerKeys.merges(customerId), queryFn: () => send('listMerges', { customerId }) }),
  toConfirm: (customerId: string) =>
    queryOptions({ queryKey: customerKeys.toConfirm(customerId), queryFn: () => send('promisesToConfirm', { customerId }) }),
  facts: (customerId: string) =>
    queryOptions({ queryKey: customerKeys.facts(customerId), queryFn: () => send('customerFacts', { customerId }) }),
  followUps: () => queryOptions({ queryKey: customerKeys.followUps(), queryFn: () => send('myFollowUps', {}) }),
};
