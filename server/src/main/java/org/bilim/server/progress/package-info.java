/**
 * What each learner has done with each item: first and last viewed, completed, time spent and
 * the last position (video time, page scroll). Records follow the item's key, so they carry over
 * to a new course version wherever the item still exists.
 */
package org.bilim.server.progress;
