// The account pages' strings (lang/accounts-*.js), added to the lesson client's dictionaries by importing this module.
import { extendDictionaries } from './i18n.js';
import kk from './lang/accounts-kk.js';
import ru from './lang/accounts-ru.js';
import en from './lang/accounts-en.js';

export const accountDictionaries = Object.freeze({ kk, ru, en });
extendDictionaries(accountDictionaries);
