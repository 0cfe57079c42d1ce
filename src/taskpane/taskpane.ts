// Entry of taskpane.html, in Excel, in WPS 表格 and in a plain browser: the pane on the door the
// page was opened with (./door-choice.ts).
import { chooseDoor, type PaneScope } from './door-choice';
import { localeFor, t } from './i18n';
import { Pane } from './pane';

void chooseDoor(window as Window & PaneScope).then(({ kind, door }) => {
  const root = document.getElementById('app');
  if (!root) return;
  if (kind === 'demo') {
    const note = document.createElement('p');
    note.className = 'notice';
    note.textContent = t(localeFor(door.host.displayLanguage), 'demoNote');
    root.parentNode?.insertBefore(note, root);
  }
  void new Pane(door, root).start();
});
