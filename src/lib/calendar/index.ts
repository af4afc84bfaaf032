// Holiday calendar and deadlines: pure, no I/O (the server and CLI load calendars/vn.yaml through
// src/lib/server/calendar-file.ts). See docs/maintainer-guide.md §10 for the data.
export * from './types';
export { loadCalendar, holidayDate, isWeekend } from './load';
export { deadline, isWorkingDay, addDaysIso, vnDateOf } from './deadline';
export { toLunar, fromLunar, tetDate, hungKingsDate, VN_TIME_ZONE } from './lunar';
