// Both triggers in a real n8n in regular mode (one process, SQLite); the tests are in suites/triggers.ts.
import { triggersSuite } from './suites/triggers';

triggersSuite('regular');
