// Requests of the control room: the alarm list, one alarm, the counts, actions and rules.
import { del, getJson, postJson, putJson, query } from '../core/api.js';

const enc = encodeURIComponent;

export const alarmApi = {
  /** @param {Record<string, string|number|undefined>} filter */
  list: (filter) => getJson(`/api/alarms${query(filter)}`),
  /** @param {string} id */
  get: (id) => getJson(`/api/alarms/${enc(id)}`),
  summary: () => getJson('/api/alarms/summary'),
  /** @param {Record<string, string|undefined>} filter */
  csvUrl: (filter) => `/api/alarms.csv${query(filter)}`,
  /** @param {string} id @param {string} action @param {{note?: string, assignee?: string, minutes?: number}} body */
  act: (id, action, body) => postJson(`/api/alarms/${enc(id)}/${action}`, body),
  rules: () => getJson('/api/alarm-rules'),
  /** @param {any} rule */
  createRule: (rule) => postJson('/api/alarm-rules', rule),
  /** @param {string} id @param {any} rule */
  updateRule: (id, rule) => putJson(`/api/alarm-rules/${enc(id)}`, rule),
  /** @param {string} id */
  deleteRule: (id) => del(`/api/alarm-rules/${enc(id)}`),
};
