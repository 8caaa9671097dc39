export * from './common';
export * from './superoffice';
export * from './autosend';
