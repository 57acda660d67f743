import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { parseGuideText, diffGuides, toAnalyzerGuide, type Guide } from '@/lib/guide';
import { analyze } from '@/lib/analysis';
import { getLocalGuideText, saveLocalGuideText } from '@/lib/settings/guide';
import { GuideSubscription, useGuideInputs } from './guide-subscription';

const SAMPLE_REPLY = 'Dear Customer, we apologise for any inconvenience caused. As per our policy your request has been forwarded to the relevant department.';

/**
 * The team lead's guide editor: validation as you type (errors name the field path), a
 * preview against a sample reply, import/export of the file, and what a new version changes.
 */
export function GuideSection() {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState('');
  const [sample, setSample] = useState(SAMPLE_REPLY);
  const [status, setStatus] = useState('');
  const locked = useGuideInputs()?.policy.lockGuide === true;
  useEffect(() => {
    void getLocalGuideText().then((t) => {
      setText(t);
      setSaved(t);
    });
  }, []);
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => (deferred.trim() ? parseGuideText(deferred) : null), [deferred]);
  const savedGuide = useMemo<Guide | null>(() => {
    const p = saved.trim() ? parseGuideText(saved) : null;
    return p?.ok ? p.guide : null;
  }, [saved]);
  const preview = useMemo(() => (parsed?.ok ? analyze(sample, { guide: toAnalyzerGuide(parsed.guide) }) : null), [parsed, sample]);
  const changes = useMemo(() => (parsed?.ok && savedGuide ? diffGuides(savedGuide, parsed.guide) : []), [parsed, savedGuide]);

  const save = async () => {
    const r = await saveLocalGuideText(text);
    if (r.ok) {
      setSaved(text);
      setStatus(text.trim() ? 'Saved. Open tabs use it now.' : 'Guide removed.');
    } else setStatus(`Not saved: ${r.errors.join('; ')}`);
  };
  const download = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = 'team-guide.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <section aria-label="Team guide">
      <h2>Team phrasing guide</h2>
      <p className="muted">Phrases to avoid and why, preferred wording, thresholds. Rapport applies it to the reply check and the suggestions. Run <code>npm run guide -- schema</code> for the JSON Schema.</p>
      <GuideSubscription />
      <h3>Write a guide</h3>
      <p className="muted">Saved here, it applies in this browser only when no managed or subscribed guide does. To share it, download the file and publish it at an https:// address your team subscribes to.</p>
      <label>
        <span className="label">Load a guide file</span>
        <input type="file" accept="application/json,.json" aria-label="Load a guide file" onChange={async (e) => { const f = e.target.files?.[0]; if (f) setText(await f.text()); }} />
      </label>
      <label>
        <span className="label">Guide (JSON)</span>
        <textarea aria-label="Guide (JSON)" value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck={false} style={{ width: '100%', fontFamily: 'ui-monospace, monospace', fontSize: 13 }} />
      </label>
      {parsed && !parsed.ok && (
        <ul role="alert" className="error" data-testid="guide-errors">
          {parsed.errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      {parsed?.ok && (
        <p className="ok" data-testid="guide-valid">
          Valid: “{parsed.guide.name}”, {parsed.guide.avoid.length} phrases to avoid, {parsed.guide.prefer.length} preferred phrasings.
          {parsed.warnings.length > 0 && <span className="muted"> Warnings: {parsed.warnings.join('; ')}</span>}
        </p>
      )}
      {changes.length > 0 && (
        <div>
          <h3>What this version changes</h3>
          <ul data-testid="guide-diff">{changes.map((c, i) => <li key={i}>{c.summary}</li>)}</ul>
        </div>
      )}
      <button type="button" className="primary" onClick={save} disabled={locked || (!!parsed && !parsed.ok)}>Save guide</button>
      <button type="button" onClick={download} disabled={!text.trim()}>Download file</button>
      <p role="status" className="ok">{status}</p>
      <label>
        <span className="label">Preview against a sample reply</span>
        <textarea aria-label="Sample reply" value={sample} onChange={(e) => setSample(e.target.value)} rows={3} style={{ width: '100%' }} />
      </label>
      {preview && (
        <div data-testid="guide-preview">
          <p><strong>{preview.verdict === 'canned' ? 'Canned' : 'OK'}</strong> ({preview.score}/100)</p>
          <ul>{preview.findings.map((f, i) => <li key={i}><q>{sample.slice(f.start, f.end)}</q> {f.message}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
