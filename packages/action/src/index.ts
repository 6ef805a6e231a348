import { run } from './main.js'

// No top-level await: the bundle inlines dynamically imported modules (compromise) after this
// entry module, and they must finish evaluating before run() awaits them.
void run()
