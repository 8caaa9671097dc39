/** What the simulators share, under the names test/simulators has always exported. */
export type { Fault } from './faults';
export { HttpSimulator, sleep } from './httpSimulator';
export { isPlainObject, type RecordedRequest, type SimRequest } from './request';
export type { SimResponse } from './response';
export { findRoute, type Route, type RouteMatch } from './routes';
