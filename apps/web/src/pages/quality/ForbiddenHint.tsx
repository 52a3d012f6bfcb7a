import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

interface PhraseFlag {
  phrase: string;
  instead: string | null;
}

const DEBOUNCE_MS = 400;

/**
 * Warns while the agent types: the text is checked against the project's forbidden phrases (§6.6)
 * before it is saved, with what to say instead. Saving is still allowed — the flag goes to QA.
 */
export function ForbiddenHint({ projectId, text }: { projectId: number; text: string | undefined }) {
  const { t } = useTranslation();
  const [flags, setFlags] = useState<PhraseFlag[]>([]);
  useEffect(() => {
    const value = text?.trim() ?? '';
    if (!value) {
      setFlags([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<{ flags: PhraseFlag[] }>('/api/scripts/check', { projectId, text: value })
        .then((r) => live && setFlags(r.flags))
        // The check only advises: a failed check must not block writing the note.
        .catch(() => live && setFlags([]));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [projectId, text]);
  if (!flags.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="forbidden-warning"
      style={{ marginBottom: 12 }}
      title={t('quality.forbiddenWarning', { phrases: flags.map((f) => `“${f.phrase}”`).join('、') })}
      description={flags
        .filter((f) => f.instead)
        .map((f) => (
          <div key={f.phrase}>{t('quality.sayInstead', { phrase: f.phrase, instead: f.instead })}</div>
        ))}
    />
  );
}
