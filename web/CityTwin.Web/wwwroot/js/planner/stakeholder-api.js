// Requests of stakeholder lenses and comments, through the one API client (core/api.js).
import { del, getJson, postJson, putJson, query } from '../core/api.js';
import { language } from '../core/i18n.js';

const enc = encodeURIComponent;

/**
 * @typedef {object} LensKpi
 * @property {string} kpi
 * @property {number} weight
 * @property {'lower'|'higher'} better
 * @property {number|null} [redLinePercent]
 *
 * @typedef {object} Lens
 * @property {string} id
 * @property {Record<string, string>} name
 * @property {Record<string, string>|null} [description]
 * @property {string|null} [group]
 * @property {LensKpi[]} kpis
 * @property {string|null} [updatedBy]
 *
 * @typedef {object} LensRunScore
 * @property {string} runId
 * @property {number} score
 * @property {number} rank
 * @property {{kpi: string, weight: number, improvement: number, contribution: number, breach: boolean}[]} kpis
 * @property {string[]} breaches
 *
 * @typedef {object} LensDisagreement
 * @property {'ranking'|'sign'|'wrongWay'} kind
 * @property {string} text
 * @property {string|null} [runId]
 * @property {{runId: string, lensIds: string[]}[]|null} [picks]
 * @property {string[]|null} [for]
 * @property {string[]|null} [against]
 * @property {string|null} [lensId]
 * @property {string|null} [kpi]
 * @property {number|null} [improvement]
 *
 * @typedef {object} LensComparison
 * @property {string} formula
 * @property {string[]} runIds
 * @property {{id: string, name: Record<string, string>, group: string|null, runs: LensRunScore[]}[]} lenses
 * @property {LensDisagreement[]} disagreements
 *
 * @typedef {object} Comment
 * @property {string} id
 * @property {string} scenarioId
 * @property {string} group
 * @property {string} text
 * @property {string} createdAt
 * @property {'pending'|'approved'|'rejected'} status
 * @property {string|null} author
 * @property {string|null} moderatedBy
 * @property {string|null} moderatedAt
 * @property {boolean} mine
 */

/** The five pentahelix groups, in the order they are offered. */
export const GROUPS = ['government', 'business', 'academia', 'community', 'media'];

/** A lens's name in the UI language (English stands in). @param {{name?: Record<string, string>, id: string}} lens */
export function lensName(lens) {
  return lens?.name?.[language()] || lens?.name?.en || lens?.id || '';
}

export const stakeholderApi = {
  /** @returns {Promise<Lens[]>} */
  lenses: () => getJson('/api/lenses'),
  /** @param {object} lens */
  createLens: (lens) => postJson('/api/lenses', lens),
  /** @param {string} id @param {object} lens */
  updateLens: (id, lens) => putJson(`/api/lenses/${enc(id)}`, lens),
  /** @param {string} id */
  deleteLens: (id) => del(`/api/lenses/${enc(id)}`),
  /**
   * The runs side by side with each lens's scores.
   * @param {string[]} ids @param {string[]} lensIds
   * @returns {Promise<{lenses: LensComparison, comments: Comment[]}>}
   */
  compare: (ids, lensIds) => getJson(`/api/scenarios/compare${query({ ids: ids.join(','), lenses: lensIds.join(',') })}`),
  /** @param {string[]} ids @param {string[]} lensIds */
  briefUrl: (ids, lensIds) => `/api/scenarios/compare/brief${query({ ids: ids.join(','), lenses: lensIds.join(',') })}`,
  /** @param {string} scenarioId @returns {Promise<Comment[]>} */
  comments: (scenarioId) => getJson(`/api/scenarios/${enc(scenarioId)}/comments`),
  /** @param {string} scenarioId @param {{group: string, text: string}} body @returns {Promise<Comment>} */
  comment: (scenarioId, body) => postJson(`/api/scenarios/${enc(scenarioId)}/comments`, body),
  /** @param {string} scenarioId @param {string} commentId @param {'approved'|'rejected'} status @returns {Promise<Comment>} */
  moderate: (scenarioId, commentId, status) => postJson(`/api/scenarios/${enc(scenarioId)}/comments/${enc(commentId)}/moderate`, { status }),
};
