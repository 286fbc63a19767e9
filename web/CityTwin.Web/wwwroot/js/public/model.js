// Shapes of GET /api/public/indicators (PublicIndicatorsResponse on the server), for the type checker.

/**
 * @typedef {object} IndicatorInfo
 * @property {string} id
 * @property {string} standard e.g. "ISO 37120:2018"
 * @property {string} number the indicator's number in the standard, e.g. "8.1"
 * @property {string} name the name in the standard (English)
 * @property {Record<string, string>} names the name in each UI language
 * @property {string} definition
 * @property {string} unit
 * @property {'lower'|'higher'} better
 * @property {boolean} synthetic computed from the simulation rather than measured
 * @property {string} dataSource
 * @property {number} target
 * @property {string} targetSource
 * @property {string|null} targetSetAt null: the city pack's default
 * @property {number} targetMin
 * @property {number} targetMax
 */

/**
 * @typedef {object} TrendPoint
 * @property {string} at
 * @property {number} value
 */

/**
 * @typedef {object} Figure
 * @property {string} indicator
 * @property {number|null} value mean over the trend window
 * @property {number|null} latest
 * @property {number|null} score
 * @property {string} updatedAt
 * @property {TrendPoint[]} trend
 */

/**
 * @typedef {object} Area
 * @property {string} code
 * @property {'city'|'gu'} level
 * @property {string} nameEn
 * @property {string} nameKo
 * @property {number} population
 * @property {number} areaKm2
 * @property {number} densityPerKm2
 * @property {number|null} performanceIndex
 * @property {Figure[]} figures
 */

/**
 * @typedef {object} Parameter
 * @property {string} name
 * @property {number} value
 * @property {string} unit
 */

/**
 * @typedef {object} Assumption
 * @property {string} type
 * @property {string} name
 * @property {{kind: string, code: string|null, nameEn: string|null, nameKo: string|null, count: number|null}|null} target
 * @property {Parameter[]} parameters
 */

/**
 * @typedef {object} ScenarioResult
 * @property {string} kpi
 * @property {string} name
 * @property {string} unit
 * @property {number} baseline
 * @property {number} scenario
 * @property {number|null} deltaPercent
 * @property {string} outcome 'better' | 'worse' | 'same'
 */

/**
 * @typedef {object} PublishedScenario
 * @property {string} id
 * @property {string} name
 * @property {string|null} description
 * @property {string|null} publishedAt
 * @property {string|null} completedAt
 * @property {string} startKind
 * @property {string|null} startsAt
 * @property {number} horizonHours
 * @property {number} stepMinutes
 * @property {number} seed
 * @property {Assumption[]} conditions
 * @property {Assumption[]} interventions
 * @property {ScenarioResult[]} highlights
 * @property {string} briefUrl
 */

/**
 * @typedef {object} PublicIndicators
 * @property {string} cityId
 * @property {Record<string, string>} cityNames
 * @property {string} timeZone
 * @property {string} asOf simulated time of the live figures
 * @property {string} generatedAt
 * @property {number} scoreCap
 * @property {IndicatorInfo[]} indicators
 * @property {Area} city
 * @property {Area[]} districts
 * @property {string|null} profileSource
 * @property {PublishedScenario[]} scenarios
 */

export {};
