/** The simulators' public face; tests, the demo and the benchmarks import from here (or from ./superoffice, ./autosend). */
export * from './common';
export * from './superoffice';
export * from './autosend';
