import { UploadOrderLinesDocument, type UploadOrderLinesMutation } from '@generated/graphql';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { Badge, Button, Card, Notice, PageTitle } from '../components/ui';
import { checkUploadFile, parsePastedRows, toBase64 } from '../domain/quick-order';
import { t } from '../lib/i18n';

type Upload = UploadOrderLinesMutation['uploadOrderLines'];

function Report({ upload }: { upload: Upload }) {
  const ok = upload.rows.filter((row) => row.status === 'OK').length;
  return (
    <Card className="mt-4">
      <h2 className="mb-2 text-lg font-semibold">{t('quick.report')}</h2>
      <Notice tone={ok === upload.rows.length ? 'success' : 'warning'} live>
        {t('quick.summary', { ok, total: upload.rows.length })} <Link to="/cart">{t('quick.openCart')}</Link>
      </Notice>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th className="p-2">{t('quick.row')}</th>
              <th className="p-2">{t('quick.sku')}</th>
              <th className="p-2">{t('quick.quantity')}</th>
              <th className="p-2">{t('quick.status')}</th>
            </tr>
          </thead>
          <tbody>
            {upload.rows.map((row) => (
              <tr key={row.row} className="border-t border-slate-200">
                <td className="p-2">{row.row}</td>
                <td className="p-2 font-mono">{row.sku}</td>
                <td className="p-2">{row.quantity ?? '—'}</td>
                <td className="p-2">
                  <Badge value={row.status === 'OK' ? 'IN_STOCK' : 'OUT'}>{row.status}</Badge> {row.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Upload a CSV/XLSX file, or paste rows from Excel; every row is reported, the valid ones go to the cart. */
export function QuickOrderScreen() {
  const fileId = useId();
  const pasteId = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (input: { filename: string; bytes: Uint8Array }) => {
      const { uploadOrderLines } = await execute(UploadOrderLinesDocument, {
        input: { filename: input.filename, contentBase64: toBase64(input.bytes), allOrNothing: false },
      });
      if (uploadOrderLines.userErrors.length) throw new Error(uploadOrderLines.userErrors[0].message);
      return uploadOrderLines;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cart'] }),
  });

  const submitFile = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const check = checkUploadFile(file);
    if (check !== 'OK') return setProblem(check === 'TOO_LARGE' ? t('quick.tooLarge') : t('quick.intro'));
    setProblem(null);
    upload.mutate({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };
  // Pasted rows go through the same upload as a small CSV, so they get the same per-row report.
  const submitPasted = (event: FormEvent) => {
    event.preventDefault();
    const { lines, unreadable } = parsePastedRows(pasted);
    setProblem(unreadable.length ? t('quick.parseErrors', { lines: unreadable.map((u) => u.line).join(', ') }) : null);
    if (!lines.length) return;
    const csv = ['sku,quantity', ...lines.map((line) => `${line.sku},${line.quantity}`)].join('\n');
    upload.mutate({ filename: 'pasted-rows.csv', bytes: new TextEncoder().encode(csv) });
  };

  return (
    <>
      <PageTitle>{t('quick.title')}</PageTitle>
      <p className="mb-4 max-w-2xl">{t('quick.intro')}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <form onSubmit={submitFile} className="flex flex-col gap-3">
            <label htmlFor={fileId} className="text-sm font-medium">
              {t('quick.file')}
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="text-sm"
            />
            <Button type="submit" disabled={!file || upload.isPending}>
              {t('quick.upload')}
            </Button>
          </form>
        </Card>
        <Card>
          <form onSubmit={submitPasted} className="flex flex-col gap-3">
            <label htmlFor={pasteId} className="text-sm font-medium">
              {t('quick.paste')}
            </label>
            <textarea
              id={pasteId}
              rows={6}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              className="rounded-md border border-slate-400 p-2 font-mono text-sm"
            />
            <Button type="submit" disabled={!pasted.trim() || upload.isPending}>
              {t('quick.addPasted')}
            </Button>
          </form>
        </Card>
      </div>
      {problem && (
        <div className="mt-4">
          <Notice tone="warning">{problem}</Notice>
        </div>
      )}
      {upload.error && (
        <div className="mt-4">
          <Notice tone="danger">{upload.error.message}</Notice>
        </div>
      )}
      {upload.data && <Report upload={upload.data} />}
    </>
  );
}
