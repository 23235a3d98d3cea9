// The studio pages' strings (lang/studio-*.js), added to the web client's dictionaries by importing this module
// (the accounts pages do the same): students' lesson page never downloads them.
import { extendDictionaries } from '/js/i18n.js';
import kk from './lang/studio-kk.js';
import ru from './lang/studio-ru.js';
import en from './lang/studio-en.js';

export const studioDictionaries = Object.freeze({ kk, ru, en });
extendDictionaries(studioDictionaries);
