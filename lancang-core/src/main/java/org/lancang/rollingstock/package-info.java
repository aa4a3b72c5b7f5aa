/**
 * The trains as data. A {@link org.lancang.rollingstock.TrainType} (for example the CR200J EMU, a locomotive with 25G
 * coaches, a freight train) has what the running-time physics needs: mass, length, maximum speed, a traction curve
 * (tractive effort by speed, {@link org.lancang.rollingstock.TractionPoint}), Davis resistance coefficients and
 * braking; and, for passenger trains, its cars ({@link org.lancang.rollingstock.Car}) with their seats ({@link
 * org.lancang.rollingstock.Seat}: number, class, window or aisle). The {@link org.lancang.rollingstock.TrainCategory}
 * decides which line speed applies and whether the train is sold.
 *
 * <p>{@link org.lancang.rollingstock.RollingStockParser} reads the rolling stock from the data files with the same
 * file/line/field error reporting as the network.
 */
package org.lancang.rollingstock;
