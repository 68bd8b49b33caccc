/** Small test doubles shared by the LTI module's unit tests (a clock moved by hand). */
package org.bilim.lti.testing;
