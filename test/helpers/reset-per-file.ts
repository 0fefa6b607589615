import { setAccelerated } from '../../scripts/accel/switch.ts';

/**
 * Test files share their worker's modules (`isolate: false`), so the one process-wide switch a test may flip
 * goes back to the environment's setting before each file.
 */
setAccelerated(undefined);
