// The SuperOffice node's resources and their operations: the values saved in workflows (public; never rename).
import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	selection: 'removeMembers' | 'addMembers' | 'getMembers' | 'get' | 'getAll' | 'create';
	relation: 'delete' | 'create' | 'get' | 'getAll';
	person: 'get' | 'getAll' | 'create' | 'update' | 'delete' | 'registerBounce' | 'setConsent' | 'removeConsent';
	company: 'get' | 'getAll' | 'create' | 'update' | 'delete';
};

export type SuperOfficeType = AllEntities<NodeMap>;
