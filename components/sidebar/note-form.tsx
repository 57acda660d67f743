import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { customerKeys } from '@/lib/queries/customers';
import type { Identity } from '@/lib/schemas/records';

/** Add a note to a known customer, or start a record for the customer on the page. */
export function NoteForm({ customerId, identity, agent }: { customerId?: string; identity?: Identity; agent?: string | undefined }) {
  const [text, setText] = useState('');
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      send('addNote', {
        text,
        ...(customerId ? { customerId } : {}),
        ...(identity ? { identity } : {}),
        ...(agent ? { author: agent } : {}),
      }),
    onSuccess: () => {
      setText('');
      return qc.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) save.mutate();
      }}
    >
      <label>
        <span className="label">Add a note</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={5000} placeholder="What should the next agent know?" />
      </label>
      <button type="submit" disabled={!text.trim() || save.isPending}>Save note</button>
      {save.isError && <p role="alert" className="error">{save.error.message}</p>}
    </form>
  );
}
