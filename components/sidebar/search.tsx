import { useDeferredValue, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { customerQueries } from '@/lib/queries/customers';

/** Find a customer by name, email, phone or ticket id. */
export function CustomerSearch({ onPick, autoFocus }: { onPick: (id: string) => void; autoFocus?: boolean }) {
  const [q, setQ] = useState('');
  const deferred = useDeferredValue(q);
  const results = useQuery(customerQueries.search(deferred));
  return (
    <div className="search" role="search">
      <label>
        <span className="label">Search customers</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, email, phone or ticket id" autoFocus={autoFocus} />
      </label>
      {deferred.trim().length >= 2 && results.data && (
        results.data.length ? (
          <ul className="search-results" aria-label="Search results">
            {results.data.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => { onPick(c.id); setQ(''); }}>
                  <span className="result-name">{c.name || c.emails[0] || c.phones[0]}</span>
                  <span className="result-detail">{[c.emails[0], c.phones[0]].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No customer matches “{deferred}”.</p>
        )
      )}
      {results.isError && <p role="alert" className="error">{results.error.message}</p>}
    </div>
  );
}
