// What the pane needs in WPS 表格, in one chunk that only WPS loads (./door-choice.ts).
export { installCompat } from '../wps/compat';
export { WpsDoor } from '../wps/door';
