import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './i18n.config.js';

await compile(paraglideOptions);
