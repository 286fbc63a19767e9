// The map's style: an offline base, area choropleths and the live asset layers (colour from each
// feature's live status in feature-state). Only definitions here; TwinMap drives them.
import { store } from '../core/store.js';
import { fillColorExpression } from './kpis.js';
import { BUILDING_OK, ROAD_OK, STATUS_COLORS, statusColorExpression } from './status.js';

/** Zoom from which the server streams individual assets (and the map draws them). */
export const ASSET_ZOOM = 13;
/** Zoom from which dongs replace gu in the choropleth. */
export const DONG_ZOOM = 11;

/** A filter value no feature has: "nothing selected". */
export const NONE = '__none__';
const SELECT_COLOR = '#ffffff';

// No tiles, glyphs or sprites from the internet: a plain background, our own GeoJSON for areas
// and our own vector tiles (/api/tiles) for the asset layers.
/** @returns {import('maplibre-gl').StyleSpecification} */
export function baseStyle() {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0a1422' } }],
  };
}

/** Vector-tile sources of the asset layers; each tile has one source layer named like its source. */
const TILE_SOURCES = ['buildings', 'roads', 'assets'];
/** Tiles exist from this zoom (assets are drawn from ASSET_ZOOM); deeper than TILE_MAX the map overzooms. */
const TILE_MIN = 12;
const TILE_MAX = 16;

/** Which source holds an asset id ("building-00012", "road-00345", "air-2818563000-001"). */
export function sourceOfAsset(id) {
  if (typeof id !== 'string') return 'assets';
  if (id.startsWith('building-') || id.startsWith('building/')) return 'buildings';
  if (id.startsWith('road-') || id.startsWith('road/')) return 'roads';
  return 'assets';
}

/**
 * The feature-state address of an asset. Vector sources need the source layer as well as the
 * source; ours are named alike.
 */
export function assetFeature(id) {
  const source = sourceOfAsset(id);
  return { source, sourceLayer: source, id };
}

/** A filter that matches nothing yet (a selection layer). @param {string} key @returns {any} */
export const selectFilter = (key, value = NONE) => ['==', ['get', key], value];

/** Width of a road line by its class, times a zoom factor. @param {number} factor @returns {any} */
function roadClassWidth(factor) {
  const cls = ['downcase', ['to-string', ['get', 'roadClass']]];
  return ['case',
    ['in', 'motorway', cls], 2.2 * factor,
    ['in', 'primary', cls], 1.8 * factor,
    ['in', 'secondary', cls], 1.4 * factor,
    ['in', 'foot', cls], 0.5 * factor,
    0.9 * factor];
}

/**
 * Adds every source and layer of the twin.
 * @param {import('maplibre-gl').Map} m
 * @param {string} kpi the KPI the areas are coloured by
 * @param {{districts?: any, dongs?: any}} data collections already fetched (saves a second download)
 */
export function addTwinLayers(m, kpi, data) {
    // Layers and tiles are cached by the browser: the city id in their URLs keeps a switched city's
    // map from showing the previous city's cached boundaries and assets.
    const city = `city=${encodeURIComponent(/** @type {any} */ (store.get('city'))?.id ?? '')}`;
    m.addSource('city', { type: 'geojson', data: `/api/layers/city?${city}` });
    m.addSource('districts', { type: 'geojson', data: data.districts ?? `/api/layers/districts?${city}`, promoteId: 'code' });
    m.addSource('dongs', { type: 'geojson', data: data.dongs ?? `/api/layers/dongs?${city}`, promoteId: 'code' });
    // Assets come as vector tiles: only what the viewport shows is fetched, whatever the city's
    // size. Tile features carry their id as a property (MVT ids are integers): promote it per
    // source layer so feature-state (live status) is keyed by asset id.
    for (const name of TILE_SOURCES) {
      m.addSource(name, {
        type: 'vector',
        tiles: [`${location.origin}/api/tiles/${name}/{z}/{x}/{y}.pbf?${city}`],
        minzoom: TILE_MIN,
        maxzoom: TILE_MAX,
        promoteId: { [name]: 'id' },
      });
    }

    /** @returns {any} */
  const hoverOpacity = (base, hover) => ['case', ['boolean', ['feature-state', 'hover'], false], hover, base];

    m.addLayer({ id: 'city-fill', type: 'fill', source: 'city', paint: { 'fill-color': '#15243a' } });
    m.addLayer({
      id: 'gu-fill', type: 'fill', source: 'districts', maxzoom: DONG_ZOOM,
      paint: { 'fill-color': fillColorExpression(kpi, [0, 1, 2, 3, 4, 5]), 'fill-opacity': hoverOpacity(0.72, 0.92) },
    });
    m.addLayer({
      id: 'dong-fill', type: 'fill', source: 'dongs', minzoom: DONG_ZOOM, maxzoom: ASSET_ZOOM,
      paint: { 'fill-color': fillColorExpression(kpi, [0, 1, 2, 3, 4, 5]), 'fill-opacity': hoverOpacity(0.72, 0.92) },
    });
    // Zoomed in, areas fade to a quiet ground so live assets carry the colour.
    m.addLayer({
      id: 'dong-ground', type: 'fill', source: 'dongs', minzoom: ASSET_ZOOM,
      paint: { 'fill-color': '#17263b', 'fill-opacity': 1 },
    });

    // Zoom must be the input of the top-level interpolate: the halo adds inside each stop.
    /** @returns {any} */
  const roadWidth = (extra) => ['interpolate', ['exponential', 1.6], ['zoom'],
      13, ['+', extra, roadClassWidth(1)],
      18, ['+', extra, roadClassWidth(8)]];
    m.addLayer({
      id: 'roads-selected', type: 'line', source: 'roads', 'source-layer': 'roads', minzoom: ASSET_ZOOM, filter: selectFilter('id'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': SELECT_COLOR, 'line-width': roadWidth(5) },
    });
    m.addLayer({
      id: 'roads-line', type: 'line', source: 'roads', 'source-layer': 'roads', minzoom: ASSET_ZOOM,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': statusColorExpression(ROAD_OK), 'line-width': roadWidth(0), 'line-opacity': 0.9 },
    });
    m.addLayer({
      id: 'buildings-fill', type: 'fill', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM,
      paint: { 'fill-color': statusColorExpression(BUILDING_OK), 'fill-opacity': 0.85, 'fill-outline-color': '#0a1422' },
    });
    m.addLayer({
      id: 'buildings-3d', type: 'fill-extrusion', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM,
      layout: { visibility: 'none' },
      paint: {
        'fill-extrusion-color': statusColorExpression(BUILDING_OK),
        'fill-extrusion-height': ['max', 3.3, ['to-number', ['get', 'heightM'], 0]],
        'fill-extrusion-opacity': 0.9,
      },
    });
    m.addLayer({
      id: 'buildings-selected', type: 'line', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM, filter: selectFilter('id'),
      paint: { 'line-color': SELECT_COLOR, 'line-width': 3 },
    });

    m.addLayer({
      id: 'dong-line', type: 'line', source: 'dongs', minzoom: 9.5,
      paint: { 'line-color': '#8fa6bf', 'line-opacity': /** @type {any} */ (['interpolate', ['linear'], ['zoom'], 9.5, 0.15, 12, 0.45]), 'line-width': 0.7 },
    });
    m.addLayer({
      id: 'gu-line', type: 'line', source: 'districts',
      paint: { 'line-color': '#c9d7e6', 'line-opacity': 0.75, 'line-width': /** @type {any} */ (['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2]) },
    });
    m.addLayer({
      id: 'city-line', type: 'line', source: 'city',
      paint: { 'line-color': '#e6eef7', 'line-width': /** @type {any} */ (['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 2.5]) },
    });
    m.addLayer({
      id: 'gu-selected', type: 'line', source: 'districts', maxzoom: ASSET_ZOOM, filter: selectFilter('code'),
      paint: { 'line-color': SELECT_COLOR, 'line-width': 3 },
    });
    m.addLayer({
      id: 'dong-selected', type: 'line', source: 'dongs', filter: selectFilter('code'),
      paint: { 'line-color': SELECT_COLOR, 'line-width': 2.5 },
    });

    m.addLayer({
      id: 'assets-selected', type: 'circle', source: 'assets', 'source-layer': 'assets', minzoom: ASSET_ZOOM, filter: selectFilter('id'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 8, 18, 14], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECT_COLOR, 'circle-stroke-width': 2.5 },
    });
    m.addLayer({
      id: 'assets-circle', type: 'circle', source: 'assets', 'source-layer': 'assets', minzoom: ASSET_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 16, 6.5, 18, 9],
        'circle-color': statusColorExpression(STATUS_COLORS.ok),
        'circle-stroke-color': '#e8f0f8',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 16, 1.5],
      },
    });
}
