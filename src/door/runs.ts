// Cells grouped into runs of consecutive rows in one column, so that a batch touches one range per
// run instead of one per cell (Excel's performance guide: fewer range objects, fewer calls).

export interface Placed {
  sheetId: string;
  row: number;
  col: number;
}

export interface Run<T extends Placed> {
  sheetId: string;
  col: number;
  top: number;
  bottom: number;
  items: T[];
}

/** Runs in the order of each sheet and column first met; `together` says whether two neighbours may share a run. */
export function runsOf<T extends Placed>(items: T[], together: (a: T, b: T) => boolean = () => true): Run<T>[] {
  const columns = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.sheetId}\u0000${item.col}`;
    const list = columns.get(key);
    if (list) list.push(item);
    else columns.set(key, [item]);
  }
  const runs: Run<T>[] = [];
  for (const list of columns.values()) {
    const sorted = [...list].sort((a, b) => a.row - b.row);
    let run: Run<T> | null = null;
    for (const item of sorted) {
      const last = run?.items[run.items.length - 1];
      if (run && last && item.row === last.row + 1 && together(last, item)) {
        run.items.push(item);
        run.bottom = item.row;
      } else {
        run = { sheetId: item.sheetId, col: item.col, top: item.row, bottom: item.row, items: [item] };
        runs.push(run);
      }
    }
  }
  return runs;
}
