/** apimachinery util/duration.HumanDuration, the format of every AGE column (shared engine utility). */
export { humanDuration, goDuration } from '../util/duration';
