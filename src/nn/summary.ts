// model.summary() laid out as tf.keras prints a Sequential model: 65 columns, fields at 29 and 55.

export interface SummaryRow {
  name: string;
  className: string;
  outputWidth: number;
  params: number;
}

const LINE = 65;
const COLUMNS = [29, 55, 65];

function row(fields: string[]): string {
  let line = '';
  fields.forEach((f, i) => {
    line += f;
    line = line.slice(0, COLUMNS[i]).padEnd(COLUMNS[i]);
  });
  return line.trimEnd();
}

export function formatSummary(modelName: string, rows: SummaryRow[]): string {
  const total = rows.reduce((s, r) => s + r.params, 0);
  const lines = [
    `Model: "${modelName}"`,
    '_'.repeat(LINE),
    row([' Layer (type)', 'Output Shape', 'Param #']),
    '='.repeat(LINE),
  ];
  rows.forEach((r, i) => {
    lines.push(row([` ${r.name} (${r.className})`, `(None, ${r.outputWidth})`, String(r.params)]));
    if (i < rows.length - 1) lines.push('');
  });
  lines.push(
    '='.repeat(LINE),
    `Total params: ${total.toLocaleString('en-US')}`,
    `Trainable params: ${total.toLocaleString('en-US')}`,
    'Non-trainable params: 0',
    '_'.repeat(LINE),
  );
  return lines.join('\n');
}
