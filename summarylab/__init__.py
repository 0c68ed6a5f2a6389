"""summarylab"""
