import { definePanel, type PanelProps } from './define-panel';
import { formatDateTime, formatIsoDate, tenure } from '@/lib/utils/format';

function Overview({ view, now }: PanelProps) {
  const { customer, contactsLast30Days, repeatContact, totalContacts, firstContactAt } = view;
  const since = customer.customerSince;
  const length = since ? tenure(since, now) : null;
  return (
    <div className="overview">
      <h2 className="customer-name">{customer.name || customer.emails[0] || customer.phones[0] || 'Unnamed customer'}</h2>
      <ul className="contact-points" aria-label="Contact points">
        {customer.emails.map((e) => <li key={e}>{e}</li>)}
        {customer.phones.map((p) => <li key={p}>{p}</li>)}
        {customer.accountIds.map((a) => <li key={a}>Account {a}</li>)}
      </ul>
      <dl className="facts">
        <div>
          <dt>Customer since</dt>
          <dd data-testid="customer-since">
            {since ? `customer since ${formatIsoDate(since)}${length ? ` (${length})` : ''}` : 'not on record'}
          </dd>
        </div>
        <div>
          <dt>Last 30 days</dt>
          <dd data-testid="contacts-30">
            {contactsLast30Days} contact{contactsLast30Days === 1 ? '' : 's'} in the last 30 days
            {repeatContact && (
              <span className="badge repeat" data-testid="repeat-flag" title="Three or more contacts in 30 days: own the repeat">
                Repeat contact
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>All contacts</dt>
          <dd>
            {totalContacts}
            {firstContactAt !== null ? `, first on ${formatDateTime(firstContactAt)}` : ''}
          </dd>
        </div>
      </dl>
    </div>
  );
}

export default definePanel({ id: 'overview', title: 'Customer', Component: Overview });
