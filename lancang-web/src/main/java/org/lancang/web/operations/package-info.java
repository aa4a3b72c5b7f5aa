/**
 * The HTTP API of live operations under {@code /api/operations}: running events in (dispatchers and the train-describer
 * role), forecasts per train and per station, the conflict forecast, the re-planning proposal and its application,
 * the dispatching orders, and the server's clock.
 */
package org.lancang.web.operations;
