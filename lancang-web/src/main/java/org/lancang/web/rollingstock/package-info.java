/**
 * The rolling stock over HTTP, public: each train type with its physics (mass, length, traction curve, resistance) and
 * its cars, and a passenger train's seat map.
 */
package org.lancang.web.rollingstock;
