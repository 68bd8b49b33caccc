/** Small test doubles shared by the LTI module's unit tests (a clock moved by hand, a key store in memory). */
package org.bilim.lti.testing;
